-- History is append-only in the database itself. The audit log already refuses UPDATE and
-- DELETE; a story's event log and its review decisions are history too, and the app only ever
-- inserts them. (So a story or revision that has history can't be deleted; the app never does.)
CREATE FUNCTION "refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "StoryEvent_append_only"
  BEFORE UPDATE OR DELETE ON "StoryEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();

CREATE TRIGGER "ReviewDecision_append_only"
  BEFORE UPDATE OR DELETE ON "ReviewDecision"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();

-- Row triggers never see TRUNCATE, which empties a table whole (also through TRUNCATE … CASCADE
-- on a table it references), so each history table refuses it at statement level too. A table
-- owner or superuser can still disable triggers; the app should run as the least-privilege
-- role that `npm run db:roles` sets up, which can't.
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

CREATE TRIGGER "StoryEvent_no_truncate"
  BEFORE TRUNCATE ON "StoryEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

CREATE TRIGGER "ReviewDecision_no_truncate"
  BEFORE TRUNCATE ON "ReviewDecision"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
