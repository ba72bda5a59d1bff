-- Notification templates are store configuration: the app caches them with the store (app/store-cache.ts) and
-- reloads when stores.config_version moves, so any change to them bumps it, like the tiers' triggers of 0005.
CREATE FUNCTION notification_templates_bump_store_config_version() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER notification_templates_bump_store_config_version
  AFTER INSERT OR UPDATE OR DELETE ON notification_templates
  FOR EACH ROW EXECUTE FUNCTION notification_templates_bump_store_config_version();
--> statement-breakpoint
CREATE TRIGGER notification_templates_bump_store_config_version_on_truncate
  AFTER TRUNCATE ON notification_templates
  FOR EACH STATEMENT EXECUTE FUNCTION tiers_bump_all_store_config_versions();
