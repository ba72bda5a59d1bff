CREATE TABLE "birthday_gifts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "birthday_gifts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"member_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"coupon_id" bigint,
	"points" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "birthday_gifts_points_ck" CHECK ("birthday_gifts"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coupon_templates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coupon_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"threshold_fen" integer DEFAULT 0 NOT NULL,
	"amount_off_fen" integer,
	"discount_pct" smallint,
	"max_discount_fen" integer,
	"gift_name" text,
	"description" text,
	"validity_kind" text NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_to" timestamp with time zone,
	"valid_days" integer,
	"claim_starts_at" timestamp with time zone,
	"claim_ends_at" timestamp with time zone,
	"total_quantity" integer,
	"claimed_count" integer DEFAULT 0 NOT NULL,
	"used_count" integer DEFAULT 0 NOT NULL,
	"per_member_limit" integer DEFAULT 1 NOT NULL,
	"min_tier_code" text,
	"channel" text NOT NULL,
	"birthday_tier_code" text,
	"status" text DEFAULT 'active' NOT NULL,
	"create_request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coupon_templates_kind_ck" CHECK ("coupon_templates"."kind" in ('amount_off', 'percent_off', 'gift')),
	CONSTRAINT "coupon_templates_channel_ck" CHECK ("coupon_templates"."channel" in ('claim', 'birthday', 'mall', 'grant')),
	CONSTRAINT "coupon_templates_status_ck" CHECK ("coupon_templates"."status" in ('active', 'stopped')),
	CONSTRAINT "coupon_templates_validity_kind_ck" CHECK ("coupon_templates"."validity_kind" in ('fixed', 'days')),
	CONSTRAINT "coupon_templates_min_tier_ck" CHECK ("coupon_templates"."min_tier_code" in ('normal', 'silver', 'gold', 'diamond')),
	CONSTRAINT "coupon_templates_birthday_tier_ck" CHECK ("coupon_templates"."birthday_tier_code" in ('normal', 'silver', 'gold', 'diamond')),
	CONSTRAINT "coupon_templates_terms_ck" CHECK ("coupon_templates"."threshold_fen" >= 0 and (
        ("coupon_templates"."kind" = 'amount_off' and "coupon_templates"."amount_off_fen" > 0) or
        ("coupon_templates"."kind" = 'percent_off' and "coupon_templates"."discount_pct" between 1 and 99 and coalesce("coupon_templates"."max_discount_fen", 1) > 0) or
        ("coupon_templates"."kind" = 'gift' and "coupon_templates"."gift_name" is not null))),
	CONSTRAINT "coupon_templates_validity_ck" CHECK (("coupon_templates"."validity_kind" = 'fixed' and "coupon_templates"."valid_from" is not null and "coupon_templates"."valid_to" > "coupon_templates"."valid_from") or
        ("coupon_templates"."validity_kind" = 'days' and "coupon_templates"."valid_days" between 1 and 3650)),
	CONSTRAINT "coupon_templates_counts_ck" CHECK ("coupon_templates"."claimed_count" >= 0 and "coupon_templates"."used_count" >= 0 and "coupon_templates"."used_count" <= "coupon_templates"."claimed_count"),
	CONSTRAINT "coupon_templates_total_ck" CHECK ("coupon_templates"."total_quantity" is null or "coupon_templates"."claimed_count" <= "coupon_templates"."total_quantity"),
	CONSTRAINT "coupon_templates_per_member_ck" CHECK ("coupon_templates"."per_member_limit" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "coupon_verifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coupon_verifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"coupon_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"staff_id" integer NOT NULL,
	"request_id" text NOT NULL,
	"purchase_id" bigint,
	"receipt_no" text,
	"discount_fen" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by_staff_id" integer,
	"void_reason" text,
	CONSTRAINT "coupon_verifications_discount_ck" CHECK ("coupon_verifications"."discount_fen" >= 0),
	CONSTRAINT "coupon_verifications_void_ck" CHECK (("coupon_verifications"."voided_at" is null) = ("coupon_verifications"."voided_by_staff_id" is null))
);
--> statement-breakpoint
CREATE TABLE "member_coupons" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_coupons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"template_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"source_key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"threshold_fen" integer DEFAULT 0 NOT NULL,
	"amount_off_fen" integer,
	"discount_pct" smallint,
	"max_discount_fen" integer,
	"gift_name" text,
	"description" text,
	"min_tier_code" text,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'available' NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "member_coupons_kind_ck" CHECK ("member_coupons"."kind" in ('amount_off', 'percent_off', 'gift')),
	CONSTRAINT "member_coupons_channel_ck" CHECK ("member_coupons"."channel" in ('claim', 'birthday', 'mall', 'grant')),
	CONSTRAINT "member_coupons_status_ck" CHECK ("member_coupons"."status" in ('available', 'used', 'expired')),
	CONSTRAINT "member_coupons_used_ck" CHECK (("member_coupons"."status" = 'used') = ("member_coupons"."used_at" is not null)),
	CONSTRAINT "member_coupons_window_ck" CHECK ("member_coupons"."valid_to" > "member_coupons"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "purchase_refunds" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "purchase_refunds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"purchase_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"staff_id" integer NOT NULL,
	"reason" text NOT NULL,
	"points_reversed" integer NOT NULL,
	"points_shortfall" integer NOT NULL,
	"growth_reversed" integer NOT NULL,
	"coupon_returned_as" text,
	"tier_before" text NOT NULL,
	"tier_after" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_refunds_amounts_ck" CHECK ("purchase_refunds"."points_reversed" >= 0 and "purchase_refunds"."points_shortfall" >= 0 and "purchase_refunds"."growth_reversed" >= 0)
);
--> statement-breakpoint
ALTER TABLE "notification_templates" DROP CONSTRAINT "notification_templates_kind_ck";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_ck";--> statement-breakpoint
ALTER TABLE "points_ledger" DROP CONSTRAINT "points_ledger_reason_ck";--> statement-breakpoint
ALTER TABLE "purchases" DROP CONSTRAINT "purchases_amount_fen_ck";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "birthday_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "birthday_gift_from_year" smallint;--> statement-breakpoint
ALTER TABLE "purchases" ADD COLUMN "gross_fen" integer;--> statement-breakpoint
ALTER TABLE "purchases" ADD COLUMN "tier_discount_fen" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases" ADD COLUMN "coupon_discount_fen" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases" ADD COLUMN "coupon_id" bigint;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "till_applies_tier_discount" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "coupon_void_window_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "refund_returns_coupon" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "refund_lowers_tier" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "birthday_points" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "birthday_min_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "notify_from_hour" smallint DEFAULT 9 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "notify_to_hour" smallint DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "coupon_expiry_reminder_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "birthday_gifts" ADD CONSTRAINT "birthday_gifts_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birthday_gifts" ADD CONSTRAINT "birthday_gifts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birthday_gifts" ADD CONSTRAINT "birthday_gifts_coupon_id_member_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."member_coupons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_templates" ADD CONSTRAINT "coupon_templates_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_verifications" ADD CONSTRAINT "coupon_verifications_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_verifications" ADD CONSTRAINT "coupon_verifications_coupon_id_member_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."member_coupons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_verifications" ADD CONSTRAINT "coupon_verifications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_verifications" ADD CONSTRAINT "coupon_verifications_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_verifications" ADD CONSTRAINT "coupon_verifications_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_verifications" ADD CONSTRAINT "coupon_verifications_voided_by_staff_id_staff_id_fk" FOREIGN KEY ("voided_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_coupons" ADD CONSTRAINT "member_coupons_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_coupons" ADD CONSTRAINT "member_coupons_template_id_coupon_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."coupon_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_coupons" ADD CONSTRAINT "member_coupons_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_refunds" ADD CONSTRAINT "purchase_refunds_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_refunds" ADD CONSTRAINT "purchase_refunds_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_refunds" ADD CONSTRAINT "purchase_refunds_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_refunds" ADD CONSTRAINT "purchase_refunds_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "birthday_gifts_member_year_uq" ON "birthday_gifts" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "birthday_gifts_store_year_ix" ON "birthday_gifts" USING btree ("store_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_templates_store_request_uq" ON "coupon_templates" USING btree ("store_id","create_request_id");--> statement-breakpoint
CREATE INDEX "coupon_templates_store_channel_ix" ON "coupon_templates" USING btree ("store_id","channel","status");--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_verifications_store_request_uq" ON "coupon_verifications" USING btree ("store_id","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_verifications_live_uq" ON "coupon_verifications" USING btree ("coupon_id") WHERE "coupon_verifications"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "coupon_verifications_coupon_ix" ON "coupon_verifications" USING btree ("coupon_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_coupons_code_uq" ON "member_coupons" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "member_coupons_store_source_uq" ON "member_coupons" USING btree ("store_id","source_key");--> statement-breakpoint
CREATE INDEX "member_coupons_member_ix" ON "member_coupons" USING btree ("member_id","status","valid_to");--> statement-breakpoint
CREATE INDEX "member_coupons_template_member_ix" ON "member_coupons" USING btree ("template_id","member_id");--> statement-breakpoint
CREATE INDEX "member_coupons_reminder_ix" ON "member_coupons" USING btree ("valid_to") WHERE "member_coupons"."status" = 'available' and "member_coupons"."reminded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_refunds_purchase_uq" ON "purchase_refunds" USING btree ("purchase_id");--> statement-breakpoint
CREATE INDEX "purchase_refunds_member_ix" ON "purchase_refunds" USING btree ("member_id");--> statement-breakpoint
ALTER TABLE "notification_templates" ADD CONSTRAINT "notification_templates_kind_ck" CHECK ("notification_templates"."kind" in ('points_credited', 'birthday_gift', 'coupon_expiring'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_ck" CHECK ("notifications"."kind" in ('points_credited', 'birthday_gift', 'coupon_expiring'));--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_reason_ck" CHECK ("points_ledger"."reason" in ('earn', 'redeem', 'refund', 'expire', 'birthday', 'referral', 'event', 'adjust', 'clawback'));--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_discounts_ck" CHECK ("purchases"."tier_discount_fen" >= 0 and "purchases"."coupon_discount_fen" >= 0);--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_amount_fen_ck" CHECK ("purchases"."amount_fen" >= 0);--> statement-breakpoint
-- Birthdays set before this migration were set at 开卡: that is when they were set, and they stay set once.
UPDATE "members" SET "birthday_set_at" = "opened_at" WHERE "birthday_enc" IS NOT NULL AND "birthday_set_at" IS NULL;--> statement-breakpoint
-- Purchases recorded before coupons had no discount at the till: what was entered is what was paid.
UPDATE "purchases" SET "gross_fen" = "amount_fen" WHERE "gross_fen" IS NULL;
