-- Search of the operator's users table (/admin/users?search=, its CSV export) without scanning `user`: an FTS5 index
-- with the trigram tokenizer over email and name answers "contains this text" (3+ characters, case-insensitive) from
-- the index, so a search costs what it matches, not what the table holds. External content: the text stays in `user`
-- and the index is keyed by its rowid; columnsize=0 because nothing is ranked. The triggers keep it in sync.
-- A later migration that rebuilds `user` (drizzle-kit's create/copy/drop) drops these triggers and renumbers rowids:
-- it must create them again and end with the 'rebuild' statement below. db/queries/users.test.ts checks the sync.
CREATE VIRTUAL TABLE `user_search` USING fts5(email, name, content='user', content_rowid='rowid', tokenize='trigram', columnsize=0);--> statement-breakpoint
CREATE TRIGGER `user_search_insert` AFTER INSERT ON `user` BEGIN
  INSERT INTO `user_search` (rowid, email, name) VALUES (new.rowid, new.email, new.name);
END;--> statement-breakpoint
CREATE TRIGGER `user_search_delete` AFTER DELETE ON `user` BEGIN
  INSERT INTO `user_search` (`user_search`, rowid, email, name) VALUES ('delete', old.rowid, old.email, old.name);
END;--> statement-breakpoint
CREATE TRIGGER `user_search_update` AFTER UPDATE OF email, name ON `user` BEGIN
  INSERT INTO `user_search` (`user_search`, rowid, email, name) VALUES ('delete', old.rowid, old.email, old.name);
  INSERT INTO `user_search` (rowid, email, name) VALUES (new.rowid, new.email, new.name);
END;--> statement-breakpoint
-- 1–2 character searches match the start of the name instead (trigrams need 3): a case-insensitive index serves them,
-- and (with id breaking ties) also the table's sort by name.
CREATE INDEX `user_name_nocase_idx` ON `user` (`name` COLLATE NOCASE, `id`);--> statement-breakpoint
-- Backfill: index the users that exist already.
INSERT INTO `user_search` (`user_search`) VALUES ('rebuild');
