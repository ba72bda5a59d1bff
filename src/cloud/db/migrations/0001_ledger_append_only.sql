-- The points ledger is append-only: the balance is a cached sum of it, and an audit trail that can be edited is
-- not one. A correction is a new entry (reason 'adjust'), never an UPDATE or DELETE. Enforced here, in the
-- database, so no code path (a future job, a console session, a bug) can quietly rewrite history.
CREATE FUNCTION points_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'points_ledger is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER points_ledger_no_update_delete
  BEFORE UPDATE OR DELETE ON points_ledger
  FOR EACH ROW EXECUTE FUNCTION points_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER points_ledger_no_truncate
  BEFORE TRUNCATE ON points_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION points_ledger_refuse_change();
