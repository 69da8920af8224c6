-- /account/security lists the impersonations of one user (db/queries/impersonations.ts): one seek per page view and per
-- matching stop, instead of reading every audit row about that user. A plain CREATE INDEX: no table rebuild.
CREATE INDEX `audit_event_target_action_idx` ON `audit_event` (`target_user_id`,`action`,`at`);
