-- The members page lists an organization's members newest first by default: from this index the first page reads its
-- 20–100 rows and stops, instead of reading every member and user to sort them by name (15,244 rows per view at the
-- bench's 5,000 members). Sorting by name or email still reads the whole organization (bounded by ORG_MAX_MEMBERS).
CREATE INDEX `member_organization_created_idx` ON `member` (`organization_id`, `created_at`, `id`);
