// Shared frame for every email. Inline styles only: no <Tailwind> (it bundles a CSS compiler into the Worker).
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { CSSProperties, ReactNode } from "react";

export const DEFAULT_APP_NAME = "Gatehouse";

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

const styles = {
  body: { margin: 0, padding: "24px 0", backgroundColor: "#f4f4f5", fontFamily },
  container: {
    maxWidth: "520px",
    margin: "0 auto",
    padding: "32px",
    backgroundColor: "#ffffff",
    border: "1px solid #e4e4e7",
    borderRadius: "8px",
  },
  brand: { margin: "0 0 24px", fontSize: "15px", fontWeight: 600, color: "#18181b", letterSpacing: "-0.01em" },
  heading: { margin: "0 0 16px", fontSize: "20px", lineHeight: "28px", fontWeight: 600, color: "#18181b" },
  text: { margin: "0 0 16px", fontSize: "14px", lineHeight: "22px", color: "#3f3f46" },
  button: {
    display: "inline-block",
    padding: "10px 18px",
    backgroundColor: "#18181b",
    borderRadius: "6px",
    color: "#ffffff",
    fontSize: "14px",
    fontWeight: 600,
    textDecoration: "none",
  },
  buttonSection: { margin: "8px 0 24px" },
  small: { margin: "0 0 8px", fontSize: "12px", lineHeight: "18px", color: "#71717a" },
  link: { fontSize: "12px", lineHeight: "18px", color: "#2563eb", wordBreak: "break-all" },
  code: {
    margin: "8px 0 24px",
    padding: "12px 0",
    backgroundColor: "#f4f4f5",
    borderRadius: "6px",
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: "28px",
    lineHeight: "36px",
    fontWeight: 600,
    letterSpacing: "6px",
    textAlign: "center",
    color: "#18181b",
  },
  hr: { margin: "24px 0 16px", borderColor: "#e4e4e7" },
  footer: { margin: 0, fontSize: "12px", lineHeight: "18px", color: "#a1a1aa" },
} satisfies Record<string, CSSProperties>;

export { styles as emailStyles };

export interface EmailLayoutProps {
  /** Inbox preview line, shown after the subject by most clients. */
  preview: string;
  appName?: string;
  heading: string;
  /** Replaces the default footer line. */
  footer?: string;
  children: ReactNode;
}

/** Html/Head/Preview/Body/Container frame with the app name on top and a footer line. */
export function EmailLayout({ preview, appName = DEFAULT_APP_NAME, heading, footer, children }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{appName}</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            {footer ?? `This email was sent by ${appName}. If you weren't expecting it, you can safely ignore it.`}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export interface EmailParagraphProps {
  children: ReactNode;
}

/** A body paragraph in the shared text style. */
export function EmailParagraph({ children }: EmailParagraphProps) {
  return <Text style={styles.text}>{children}</Text>;
}

export interface ActionLinkProps {
  url: string;
  label: string;
}

/** The call-to-action button plus the same URL as a visible link, for clients that hide buttons and for copying. */
export function ActionLink({ url, label }: ActionLinkProps) {
  return (
    <>
      <Section style={styles.buttonSection}>
        <Button href={url} style={styles.button}>
          {label}
        </Button>
      </Section>
      <Text style={styles.small}>Or copy and paste this link into your browser:</Text>
      <Text style={styles.small}>
        <Link href={url} style={styles.link}>
          {url}
        </Link>
      </Text>
    </>
  );
}

/** "Hi Ada," or "Hi," when the name is blank. */
export function greeting(name: string | undefined): string {
  const trimmed = name?.trim();
  return trimmed ? `Hi ${trimmed},` : "Hi,";
}
