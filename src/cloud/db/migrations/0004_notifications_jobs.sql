CREATE TABLE "consent_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consent_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job_name" text NOT NULL,
	"status" text NOT NULL,
	"scheduled_for" timestamp with time zone,
	"as_of" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"cursor" text,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"resumed_from" bigint,
	CONSTRAINT "job_runs_status_ck" CHECK ("job_runs"."status" in ('running', 'done', 'interrupted', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "notification_templates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"kind" text NOT NULL,
	"template_id" text NOT NULL,
	"fields" jsonb NOT NULL,
	"page" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_templates_kind_ck" CHECK ("notification_templates"."kind" in ('points_credited'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"member_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"payload" jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivery_status" text NOT NULL,
	"template_id" text,
	"wechat_data" jsonb,
	"page" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sending_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "notifications_kind_ck" CHECK ("notifications"."kind" in ('points_credited')),
	CONSTRAINT "notifications_delivery_status_ck" CHECK ("notifications"."delivery_status" in ('none', 'pending', 'sending', 'retry', 'sent', 'skipped', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "subscription_consents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subscription_consents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"member_id" bigint NOT NULL,
	"template_id" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_consents_count_ck" CHECK ("subscription_consents"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "consent_requests" ADD CONSTRAINT "consent_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_templates" ADD CONSTRAINT "notification_templates_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_consents" ADD CONSTRAINT "subscription_consents_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_consents" ADD CONSTRAINT "subscription_consents_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_requests_member_request_uq" ON "consent_requests" USING btree ("member_id","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_one_running_uq" ON "job_runs" USING btree ("job_name") WHERE "job_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "job_runs_job_id_ix" ON "job_runs" USING btree ("job_name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_templates_store_kind_uq" ON "notification_templates" USING btree ("store_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_store_dedupe_uq" ON "notifications" USING btree ("store_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_member_id_ix" ON "notifications" USING btree ("member_id","id");--> statement-breakpoint
CREATE INDEX "notifications_due_ix" ON "notifications" USING btree ("next_attempt_at","id") WHERE "notifications"."delivery_status" in ('pending', 'retry');--> statement-breakpoint
CREATE INDEX "notifications_sending_ix" ON "notifications" USING btree ("sending_at") WHERE "notifications"."delivery_status" = 'sending';--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_consents_member_template_uq" ON "subscription_consents" USING btree ("member_id","template_id");