-- 1. stores.config_version: the app caches a store and its tiers per process (app/store-cache.ts) and reloads
-- them when this number moves. Bumped here, by triggers, on ANY change to the store row or its tiers, so no
-- code path (the admin CLI, a console session, a future screen) can change the tiers behind a cache's back.
-- 2. staff.forged_blocked_until: the forged-code limit as a column on the row a staff call already reads
-- (till/forged-code-limit.ts); backfilled below for accounts limited at the moment this runs.
CREATE SEQUENCE "public"."store_config_version_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "forged_blocked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "config_version" bigint DEFAULT nextval('store_config_version_seq') NOT NULL;--> statement-breakpoint
CREATE FUNCTION stores_bump_config_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.config_version := nextval('store_config_version_seq');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stores_config_version_on_update
  BEFORE UPDATE ON stores
  FOR EACH ROW EXECUTE FUNCTION stores_bump_config_version();
--> statement-breakpoint
CREATE FUNCTION tiers_bump_store_config_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The store row's own trigger assigns the new number.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE stores SET config_version = 0 WHERE id = OLD.store_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE stores SET config_version = 0 WHERE id = NEW.store_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tiers_bump_store_config_version
  AFTER INSERT OR UPDATE OR DELETE ON tiers
  FOR EACH ROW EXECUTE FUNCTION tiers_bump_store_config_version();
--> statement-breakpoint
CREATE FUNCTION tiers_bump_all_store_config_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE stores SET config_version = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tiers_bump_store_config_version_on_truncate
  AFTER TRUNCATE ON tiers
  FOR EACH STATEMENT EXECUTE FUNCTION tiers_bump_all_store_config_versions();
--> statement-breakpoint
-- Accounts at the forged-code limit right now stay limited until their oldest forged code leaves the window.
UPDATE staff SET forged_blocked_until = recent.oldest + interval '600 seconds'
FROM (
  SELECT staff_id, min(created_at) AS oldest, count(*) AS n
  FROM audit_log
  WHERE action = 'member.code_forged' AND created_at > now() - interval '600 seconds'
  GROUP BY staff_id
) recent
WHERE recent.staff_id = staff.id AND recent.n >= 5;
