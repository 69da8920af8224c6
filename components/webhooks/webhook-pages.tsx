import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { getEndpoint, listDeliveries, listEndpoints } from "@/db/queries/webhooks";
import type { WebhookScope } from "@/lib/validations/webhooks";
import type { EndpointScope } from "@/lib/webhooks/endpoints";
import { DeliveriesTable } from "./deliveries-table";
import { EndpointActions } from "./endpoint-actions";
import { AddEndpointDialog } from "./endpoint-dialog";
import { EndpointsTable } from "./endpoints-table";
import { deliveriesSearchParams } from "./search-params";
import { EndpointStatus } from "./status-badge";

interface WebhookPageContext {
  /** Who the endpoints belong to, as the actions take it. */
  scope: WebhookScope;
  /** The same, resolved by the page's guard (queries take ids from the guard, never from the URL). */
  resolved: EndpointScope;
  basePath: string;
  /** What the caller may do (the actions check again). */
  can: { create: boolean; update: boolean; delete: boolean };
  description: string;
}

/** The list of a scope's endpoints (the organization's and the platform's pages render this). */
export async function WebhooksListPage({ scope, resolved, basePath, can, description }: WebhookPageContext) {
  const endpoints = await listEndpoints(resolved);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={description}
        actions={can.create ? <AddEndpointDialog scope={scope} /> : null}
      />
      <EndpointsTable data={endpoints} basePath={basePath} />
    </>
  );
}

interface EndpointPageProps extends WebhookPageContext {
  endpointId: string;
  searchParams: Record<string, string | string[] | undefined>;
}

/** One endpoint: its settings, its controls and its delivery log; 404 when it is not this scope's. */
export async function EndpointPage({ scope, resolved, basePath, can, endpointId, searchParams }: EndpointPageProps) {
  const endpoint = await getEndpoint(resolved, endpointId);
  if (!endpoint) notFound();
  const query = deliveriesSearchParams.parse(searchParams);
  const deliveries = await listDeliveries(endpoint.id, { ...query, status: query.filters.status });
  return (
    <>
      <PageHeader
        title="Webhook endpoint"
        description={endpoint.url}
        actions={can.update ? <EndpointActions scope={scope} endpoint={endpoint} listPath={basePath} /> : null}
      />
      <dl className="mb-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted-foreground">Status</dt>
        <dd>
          <EndpointStatus enabled={endpoint.enabled} reason={endpoint.disabledReason} />
        </dd>
        <dt className="text-muted-foreground">Events</dt>
        <dd>{endpoint.eventTypes.join(", ")}</dd>
        {endpoint.description ? (
          <>
            <dt className="text-muted-foreground">Description</dt>
            <dd>{endpoint.description}</dd>
          </>
        ) : null}
      </dl>
      <h2 className="mb-3 font-semibold text-lg">Deliveries</h2>
      <DeliveriesTable data={deliveries} scope={scope} now={new Date()} canReplay={can.update} />
    </>
  );
}
