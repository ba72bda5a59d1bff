CREATE SEQUENCE "public"."member_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 99999999 START WITH 10000001 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"staff_id" integer,
	"action" text NOT NULL,
	"member_id" bigint,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"openid" text NOT NULL,
	"member_no" text DEFAULT lpad(nextval('member_no_seq')::text, 8, '0') NOT NULL,
	"nickname" text NOT NULL,
	"phone_enc" text NOT NULL,
	"birthday_enc" text,
	"birth_month" smallint,
	"tier_code" text NOT NULL,
	"points_balance" integer DEFAULT 0 NOT NULL,
	"growth" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "members_points_balance_ck" CHECK ("members"."points_balance" >= 0),
	CONSTRAINT "members_growth_ck" CHECK ("members"."growth" >= 0),
	CONSTRAINT "members_status_ck" CHECK ("members"."status" in ('active', 'closed')),
	CONSTRAINT "members_birth_month_ck" CHECK ("members"."birth_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "points_ledger" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "points_ledger_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"member_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"delta" integer NOT NULL,
	"request_id" text NOT NULL,
	"note" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_ledger_reason_ck" CHECK ("points_ledger"."reason" in ('earn', 'redeem', 'refund', 'expire', 'birthday', 'referral', 'event', 'adjust')),
	CONSTRAINT "points_ledger_delta_ck" CHECK ("points_ledger"."delta" <> 0)
);
--> statement-breakpoint
CREATE TABLE "purchases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "purchases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"member_id" bigint NOT NULL,
	"receipt_no" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"staff_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchases_amount_fen_ck" CHECK ("purchases"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"openid" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_role_ck" CHECK ("staff"."role" in ('clerk', 'manager', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stores_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"points_per_yuan" integer NOT NULL,
	"growth_per_yuan" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stores_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "tiers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tiers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"min_growth" integer NOT NULL,
	"discount_pct" integer NOT NULL,
	CONSTRAINT "tiers_code_ck" CHECK ("tiers"."code" in ('normal', 'silver', 'gold', 'diamond')),
	CONSTRAINT "tiers_min_growth_ck" CHECK ("tiers"."min_growth" >= 0),
	CONSTRAINT "tiers_discount_ck" CHECK ("tiers"."discount_pct" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_member_id_ix" ON "audit_log" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "audit_log_staff_id_ix" ON "audit_log" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_store_openid_uq" ON "members" USING btree ("store_id","openid");--> statement-breakpoint
CREATE UNIQUE INDEX "members_member_no_uq" ON "members" USING btree ("member_no");--> statement-breakpoint
CREATE INDEX "members_store_birth_month_ix" ON "members" USING btree ("store_id","birth_month");--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_store_request_uq" ON "points_ledger" USING btree ("store_id","request_id");--> statement-breakpoint
CREATE INDEX "points_ledger_member_id_ix" ON "points_ledger" USING btree ("member_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchases_store_receipt_uq" ON "purchases" USING btree ("store_id","receipt_no");--> statement-breakpoint
CREATE INDEX "purchases_member_id_ix" ON "purchases" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_store_openid_uq" ON "staff" USING btree ("store_id","openid");--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_store_code_uq" ON "tiers" USING btree ("store_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_store_min_growth_uq" ON "tiers" USING btree ("store_id","min_growth");