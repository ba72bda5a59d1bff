CREATE TABLE "event_feedback" (
	"registration_id" bigint PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_feedback_rating_ck" CHECK ("event_feedback"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"event_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"status" text NOT NULL,
	"source" text DEFAULT 'signup' NOT NULL,
	"request_key" text NOT NULL,
	"ticket_code" text NOT NULL,
	"waitlist_seq" integer,
	"registered_at" timestamp with time zone,
	"points_paid" integer DEFAULT 0 NOT NULL,
	"debit_entry_id" bigint,
	"refund_entry_id" bigint,
	"points_refunded" integer,
	"checked_in_at" timestamp with time zone,
	"checked_in_by_staff_id" integer,
	"check_in_request_key" text,
	"check_in_count" integer DEFAULT 0 NOT NULL,
	"reward_entry_id" bigint,
	"no_show_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_status_ck" CHECK ("event_registrations"."status" in ('registered', 'waitlisted', 'attended', 'no_show', 'cancelled')),
	CONSTRAINT "event_registrations_source_ck" CHECK ("event_registrations"."source" in ('signup', 'walk_in')),
	CONSTRAINT "event_registrations_cancel_reason_ck" CHECK ("event_registrations"."cancel_reason" in ('member', 'event_cancelled', 'promotion_skipped')),
	CONSTRAINT "event_registrations_cancelled_ck" CHECK (("event_registrations"."status" = 'cancelled') = ("event_registrations"."cancelled_at" is not null)),
	CONSTRAINT "event_registrations_waitlisted_ck" CHECK ("event_registrations"."status" <> 'waitlisted' or "event_registrations"."waitlist_seq" is not null),
	CONSTRAINT "event_registrations_attended_ck" CHECK (("event_registrations"."status" = 'attended') = ("event_registrations"."checked_in_at" is not null)),
	CONSTRAINT "event_registrations_checked_by_ck" CHECK (("event_registrations"."checked_in_at" is null) = ("event_registrations"."checked_in_by_staff_id" is null)),
	CONSTRAINT "event_registrations_points_ck" CHECK ("event_registrations"."points_paid" >= 0)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"cover_key" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"waitlist_count" integer DEFAULT 0 NOT NULL,
	"waitlist_seq" integer DEFAULT 0 NOT NULL,
	"signup_from" timestamp with time zone,
	"signup_until" timestamp with time zone,
	"min_tier_code" text,
	"early_tier_code" text,
	"early_signup_from" timestamp with time zone,
	"points_cost" integer DEFAULT 0 NOT NULL,
	"reward_points" integer DEFAULT 0 NOT NULL,
	"cancel_cutoff_hours" smallint,
	"publish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"notify_on_publish" boolean DEFAULT false NOT NULL,
	"notice_queued_at" timestamp with time zone,
	"changed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"cancelled_by_staff_id" integer,
	"created_by_staff_id" integer,
	"create_request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_status_ck" CHECK ("events"."status" in ('draft', 'scheduled', 'published', 'cancelled')),
	CONSTRAINT "events_min_tier_ck" CHECK ("events"."min_tier_code" in ('normal', 'silver', 'gold', 'diamond')),
	CONSTRAINT "events_early_tier_ck" CHECK ("events"."early_tier_code" in ('normal', 'silver', 'gold', 'diamond')),
	CONSTRAINT "events_early_ck" CHECK (("events"."early_tier_code" is null) = ("events"."early_signup_from" is null)),
	CONSTRAINT "events_time_ck" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_capacity_ck" CHECK ("events"."capacity" between 1 and 10000),
	CONSTRAINT "events_seats_ck" CHECK ("events"."seats_taken" >= 0 and "events"."seats_taken" <= "events"."capacity"),
	CONSTRAINT "events_waitlist_ck" CHECK ("events"."waitlist_count" >= 0 and "events"."waitlist_count" <= "events"."waitlist_seq"),
	CONSTRAINT "events_points_ck" CHECK ("events"."points_cost" >= 0 and "events"."reward_points" >= 0),
	CONSTRAINT "events_cutoff_ck" CHECK ("events"."cancel_cutoff_hours" is null or "events"."cancel_cutoff_hours" between 0 and 168),
	CONSTRAINT "events_cancelled_ck" CHECK (("events"."status" = 'cancelled') = ("events"."cancelled_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "notification_templates" DROP CONSTRAINT "notification_templates_kind_ck";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_ck";--> statement-breakpoint
ALTER TABLE "stores" ALTER COLUMN "notify_to_hour" SET DEFAULT 21;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "event_cancel_cutoff_hours" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_debit_entry_id_points_ledger_id_fk" FOREIGN KEY ("debit_entry_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_refund_entry_id_points_ledger_id_fk" FOREIGN KEY ("refund_entry_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_checked_in_by_staff_id_staff_id_fk" FOREIGN KEY ("checked_in_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_reward_entry_id_points_ledger_id_fk" FOREIGN KEY ("reward_entry_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_cancelled_by_staff_id_staff_id_fk" FOREIGN KEY ("cancelled_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_feedback_event_ix" ON "event_feedback" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_store_request_uq" ON "event_registrations" USING btree ("store_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_ticket_uq" ON "event_registrations" USING btree ("ticket_code");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_live_uq" ON "event_registrations" USING btree ("event_id","member_id") WHERE "event_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "event_registrations_waitlist_ix" ON "event_registrations" USING btree ("event_id","waitlist_seq") WHERE "event_registrations"."status" = 'waitlisted';--> statement-breakpoint
CREATE INDEX "event_registrations_event_status_ix" ON "event_registrations" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "event_registrations_member_ix" ON "event_registrations" USING btree ("member_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_store_request_uq" ON "events" USING btree ("store_id","create_request_id");--> statement-breakpoint
CREATE INDEX "events_store_starts_ix" ON "events" USING btree ("store_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "events_scheduled_ix" ON "events" USING btree ("publish_at") WHERE "events"."status" = 'scheduled';--> statement-breakpoint
ALTER TABLE "notification_templates" ADD CONSTRAINT "notification_templates_kind_ck" CHECK ("notification_templates"."kind" in ('points_credited', 'birthday_gift', 'coupon_expiring', 'points_expiring', 'mall_redemption_expired', 'event_published', 'event_reminder', 'event_waitlist', 'event_changed'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_ck" CHECK ("notifications"."kind" in ('points_credited', 'birthday_gift', 'coupon_expiring', 'points_expiring', 'mall_redemption_expired', 'event_published', 'event_reminder', 'event_waitlist', 'event_changed'));--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_event_cancel_cutoff_ck" CHECK ("stores"."event_cancel_cutoff_hours" between 0 and 168);--> statement-breakpoint
-- Quiet hours are 21:00–09:00 by default (issue 8): a store still on the old default (sends until 20:00) moves with it.
UPDATE "stores" SET "notify_to_hour" = 21 WHERE "notify_to_hour" = 20;
