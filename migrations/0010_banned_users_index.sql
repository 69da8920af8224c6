-- "Banned now" on /admin counts banned users (capped, db/queries/admin-overview.ts): without an index that finds
-- them, the count scans the user table until it has seen enough of them (12,885 rows at the bench's 3 % banned).
-- Partial: only banned users are in it, so it costs nothing for the others.
CREATE INDEX `user_banned_idx` ON `user` (`ban_expires`) WHERE `banned` = 1;
