CREATE TABLE "points_lot_moves" (
	"entry_id" bigint NOT NULL,
	"lot_id" bigint NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "points_lot_moves_entry_id_lot_id_pk" PRIMARY KEY("entry_id","lot_id"),
	CONSTRAINT "points_lot_moves_amount_ck" CHECK ("points_lot_moves"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "points_lots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "points_lots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"member_id" bigint NOT NULL,
	"entry_id" bigint NOT NULL,
	"earned_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"amount" integer NOT NULL,
	"remaining" integer NOT NULL,
	CONSTRAINT "points_lots_amount_ck" CHECK ("points_lots"."amount" > 0),
	CONSTRAINT "points_lots_remaining_ck" CHECK ("points_lots"."remaining" between 0 and "points_lots"."amount")
);
--> statement-breakpoint
CREATE TABLE "mall_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mall_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"image_key" text,
	"points_price" integer NOT NULL,
	"coupon_template_id" bigint,
	"stock_total" integer NOT NULL,
	"redeemed_count" integer DEFAULT 0 NOT NULL,
	"per_member_limit" integer,
	"limit_period" text DEFAULT 'total' NOT NULL,
	"max_per_redemption" integer DEFAULT 1 NOT NULL,
	"visible_from" timestamp with time zone,
	"redeem_from" timestamp with time zone,
	"redeem_until" timestamp with time zone,
	"min_tier_code" text,
	"status" text DEFAULT 'on_sale' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"low_stock_notified_at" integer,
	"create_request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mall_items_kind_ck" CHECK ("mall_items"."kind" in ('gift', 'coupon')),
	CONSTRAINT "mall_items_status_ck" CHECK ("mall_items"."status" in ('on_sale', 'stopped')),
	CONSTRAINT "mall_items_limit_period_ck" CHECK ("mall_items"."limit_period" in ('total', 'month')),
	CONSTRAINT "mall_items_min_tier_ck" CHECK ("mall_items"."min_tier_code" in ('normal', 'silver', 'gold', 'diamond')),
	CONSTRAINT "mall_items_price_ck" CHECK ("mall_items"."points_price" > 0),
	CONSTRAINT "mall_items_stock_ck" CHECK ("mall_items"."redeemed_count" >= 0 and "mall_items"."redeemed_count" <= "mall_items"."stock_total"),
	CONSTRAINT "mall_items_limit_ck" CHECK ("mall_items"."per_member_limit" is null or "mall_items"."per_member_limit" >= 1),
	CONSTRAINT "mall_items_max_per_redemption_ck" CHECK ("mall_items"."max_per_redemption" between 1 and 99),
	CONSTRAINT "mall_items_coupon_ck" CHECK (("mall_items"."kind" = 'coupon') = ("mall_items"."coupon_template_id" is not null)),
	CONSTRAINT "mall_items_window_ck" CHECK ("mall_items"."redeem_from" is null or "mall_items"."redeem_until" is null or "mall_items"."redeem_until" > "mall_items"."redeem_from")
);
--> statement-breakpoint
CREATE TABLE "mall_member_quota" (
	"item_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"period_key" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "mall_member_quota_item_id_member_id_period_key_pk" PRIMARY KEY("item_id","member_id","period_key"),
	CONSTRAINT "mall_member_quota_count_ck" CHECK ("mall_member_quota"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mall_redemptions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mall_redemptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"member_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"request_key" text NOT NULL,
	"kind" text NOT NULL,
	"item_name" text NOT NULL,
	"quantity" integer NOT NULL,
	"points" integer NOT NULL,
	"period_key" text NOT NULL,
	"status" text NOT NULL,
	"debit_entry_id" bigint,
	"pickup_code" text,
	"pickup_expires_at" timestamp with time zone,
	"coupon_id" bigint,
	"picked_up_at" timestamp with time zone,
	"picked_up_by_staff_id" integer,
	"closed_at" timestamp with time zone,
	"closed_by_staff_id" integer,
	"close_reason" text,
	"refund_entry_id" bigint,
	"points_returned" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mall_redemptions_kind_ck" CHECK ("mall_redemptions"."kind" in ('gift', 'coupon')),
	CONSTRAINT "mall_redemptions_status_ck" CHECK ("mall_redemptions"."status" in ('held', 'picked_up', 'cancelled', 'expired', 'returned', 'delivered')),
	CONSTRAINT "mall_redemptions_quantity_ck" CHECK ("mall_redemptions"."quantity" between 1 and 99),
	CONSTRAINT "mall_redemptions_points_ck" CHECK ("mall_redemptions"."points" > 0),
	CONSTRAINT "mall_redemptions_gift_ck" CHECK ("mall_redemptions"."kind" <> 'gift' or ("mall_redemptions"."pickup_code" is not null and "mall_redemptions"."pickup_expires_at" is not null)),
	CONSTRAINT "mall_redemptions_picked_ck" CHECK (("mall_redemptions"."picked_up_at" is null) = ("mall_redemptions"."picked_up_by_staff_id" is null))
);
--> statement-breakpoint
CREATE TABLE "staff_notices" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" integer NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"payload" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "staff_notices_kind_ck" CHECK ("staff_notices"."kind" in ('mall_low_stock'))
);
--> statement-breakpoint
ALTER TABLE "notification_templates" DROP CONSTRAINT "notification_templates_kind_ck";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_ck";--> statement-breakpoint
ALTER TABLE "points_ledger" ADD COLUMN "reverses_entry_id" bigint;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "points_expiry_rule" text DEFAULT 'year_end_next' NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "points_expiry_warn_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "points_expiry_last_call_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "mall_pickup_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "mall_low_stock_at" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "points_lot_moves" ADD CONSTRAINT "points_lot_moves_entry_id_points_ledger_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_lot_moves" ADD CONSTRAINT "points_lot_moves_lot_id_points_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."points_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_lots" ADD CONSTRAINT "points_lots_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_lots" ADD CONSTRAINT "points_lots_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_lots" ADD CONSTRAINT "points_lots_entry_id_points_ledger_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_items" ADD CONSTRAINT "mall_items_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_items" ADD CONSTRAINT "mall_items_coupon_template_id_coupon_templates_id_fk" FOREIGN KEY ("coupon_template_id") REFERENCES "public"."coupon_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_member_quota" ADD CONSTRAINT "mall_member_quota_item_id_mall_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."mall_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_member_quota" ADD CONSTRAINT "mall_member_quota_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_item_id_mall_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."mall_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_debit_entry_id_points_ledger_id_fk" FOREIGN KEY ("debit_entry_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_coupon_id_member_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."member_coupons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_picked_up_by_staff_id_staff_id_fk" FOREIGN KEY ("picked_up_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_closed_by_staff_id_staff_id_fk" FOREIGN KEY ("closed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_refund_entry_id_points_ledger_id_fk" FOREIGN KEY ("refund_entry_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notices" ADD CONSTRAINT "staff_notices_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "points_lot_moves_lot_ix" ON "points_lot_moves" USING btree ("lot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "points_lots_entry_uq" ON "points_lots" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "points_lots_member_open_ix" ON "points_lots" USING btree ("member_id","expires_at","id") WHERE "points_lots"."remaining" > 0;--> statement-breakpoint
CREATE INDEX "points_lots_store_expiry_ix" ON "points_lots" USING btree ("store_id","expires_at","member_id") WHERE "points_lots"."remaining" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "mall_items_store_request_uq" ON "mall_items" USING btree ("store_id","create_request_id");--> statement-breakpoint
CREATE INDEX "mall_items_store_status_ix" ON "mall_items" USING btree ("store_id","status","sort_order","id");--> statement-breakpoint
CREATE UNIQUE INDEX "mall_redemptions_store_request_uq" ON "mall_redemptions" USING btree ("store_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "mall_redemptions_pickup_code_uq" ON "mall_redemptions" USING btree ("pickup_code");--> statement-breakpoint
CREATE INDEX "mall_redemptions_member_ix" ON "mall_redemptions" USING btree ("member_id","id");--> statement-breakpoint
CREATE INDEX "mall_redemptions_held_ix" ON "mall_redemptions" USING btree ("pickup_expires_at","id") WHERE "mall_redemptions"."status" = 'held';--> statement-breakpoint
CREATE INDEX "mall_redemptions_item_ix" ON "mall_redemptions" USING btree ("item_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_notices_store_dedupe_uq" ON "staff_notices" USING btree ("store_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "staff_notices_store_ix" ON "staff_notices" USING btree ("store_id","id");--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_reverses_entry_id_points_ledger_id_fk" FOREIGN KEY ("reverses_entry_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "points_ledger_reverses_ix" ON "points_ledger" USING btree ("reverses_entry_id") WHERE "points_ledger"."reverses_entry_id" is not null;--> statement-breakpoint
ALTER TABLE "notification_templates" ADD CONSTRAINT "notification_templates_kind_ck" CHECK ("notification_templates"."kind" in ('points_credited', 'birthday_gift', 'coupon_expiring', 'points_expiring', 'mall_redemption_expired'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_ck" CHECK ("notifications"."kind" in ('points_credited', 'birthday_gift', 'coupon_expiring', 'points_expiring', 'mall_redemption_expired'));--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_points_expiry_rule_ck" CHECK ("stores"."points_expiry_rule" in ('year_end_next', 'never'));--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_points_expiry_days_ck" CHECK ("stores"."points_expiry_warn_days" >= 0 and "stores"."points_expiry_last_call_days" >= 0);--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_mall_pickup_days_ck" CHECK ("stores"."mall_pickup_days" between 1 and 365);--> statement-breakpoint
-- Points lots, hand-written: existing points become lots. FIFO means the points still held are the newest
-- credits: each member's credits, newest first, fill the balance; older ones are spent (remaining 0, kept as
-- history). Each lot keeps the expiry its entry was earned with (null: never).
INSERT INTO "points_lots" ("store_id", "member_id", "entry_id", "earned_at", "expires_at", "amount", "remaining")
SELECT c."store_id", c."member_id", c."id", c."created_at", c."expires_at", c."delta",
  greatest(0, least(c."delta", m."points_balance" - (c."newer_sum" - c."delta")))
FROM (
  SELECT e.*, sum(e."delta") OVER (PARTITION BY e."member_id" ORDER BY e."id" DESC) AS "newer_sum"
  FROM "points_ledger" e
  WHERE e."delta" > 0
) c
JOIN "members" m ON m."id" = c."member_id"
-- Lot ids in entry order: FIFO breaks ties between lots of the same expiry by lot id (oldest credit first).
ORDER BY c."id";
--> statement-breakpoint
-- The lots follow the ledger, in the database, for every writer (postPoints, the till's purchase statement, the
-- set-based jobs): an entry's statement applies its lots before it completes, so Σ lots.remaining = balance =
-- Σ ledger holds by construction. Set-based over the statement's new entries (a job's chunk is one statement).
-- Rules, per new entry:
--   * a credit makes a lot (its expires_at; null never), unless it is a refund (reverses_entry_id set): that
--     goes back into the lots the reversed debit took from, still open at the refund's time, longest-lived first;
--     what cannot go back (lots from before lots existed) becomes a new lot with the entry's expires_at;
--   * an 'expire' debit takes lots that have expired by its time, oldest first;
--   * any other debit takes lots still open at its time: a clawback first from the lot its reversed 'earn' made,
--     then oldest expiry first (never-expiring last), then oldest lot.
-- A debit the lots cannot cover is refused (the caller expires due lots under the member's lock first, so its
-- balance guard sees only usable points). One debit per member per statement.
-- Each query in a VOLATILE plpgsql function takes a fresh snapshot: it sees lots committed by whoever held the
-- member's row lock before this statement's UPDATE of members got it.
-- jit off: the planner cannot estimate the transition table, and compiling the per-chunk plans costs more than
-- running them.
CREATE FUNCTION points_ledger_apply_lots() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  short record;
BEGIN
  IF EXISTS (
    SELECT 1 FROM new_entries WHERE "delta" < 0 GROUP BY "member_id" HAVING count(*) > 1
  ) THEN
    RAISE EXCEPTION 'points lots: one debit per member per statement' USING ERRCODE = 'check_violation';
  END IF;

  -- Plain credits: a lot each.
  INSERT INTO "points_lots" ("store_id", "member_id", "entry_id", "earned_at", "expires_at", "amount", "remaining")
  SELECT "store_id", "member_id", "id", "created_at", "expires_at", "delta", "delta"
  FROM new_entries WHERE "delta" > 0 AND "reverses_entry_id" IS NULL;

  -- Refunds: back into the lots the reversed debit took from (less what earlier refunds of it gave back).
  WITH r AS (
    SELECT * FROM new_entries WHERE "delta" > 0 AND "reverses_entry_id" IS NOT NULL
  ), owed AS (
    -- Per refund, two index probes (LATERAL: the transition table has no statistics, and an OR join would let the
    -- planner scan the whole ledger): the moves of the reversed debit, and of earlier refunds of the same debit.
    SELECT r."id" AS entry_id, x."lot_id", -sum(x."amount") AS owed
    FROM r
    CROSS JOIN LATERAL (
      SELECT mv."lot_id", mv."amount" FROM "points_lot_moves" mv WHERE mv."entry_id" = r."reverses_entry_id"
      UNION ALL
      SELECT mv."lot_id", mv."amount"
      FROM "points_ledger" e JOIN "points_lot_moves" mv ON mv."entry_id" = e."id"
      WHERE e."reverses_entry_id" = r."reverses_entry_id" AND e."id" <> r."id"
    ) x
    GROUP BY r."id", x."lot_id"
    HAVING -sum(x."amount") > 0
  ), cand AS (
    SELECT o.entry_id, o."lot_id", o.owed, r."delta" AS amount,
      sum(o.owed) OVER (PARTITION BY o.entry_id ORDER BY l."expires_at" DESC NULLS FIRST, l."id" DESC ROWS UNBOUNDED PRECEDING) AS upto
    FROM owed o
    JOIN r ON r."id" = o.entry_id
    JOIN "points_lots" l ON l."id" = o."lot_id"
    WHERE l."expires_at" IS NULL OR l."expires_at" > r."created_at"
  ), give AS (
    SELECT entry_id, "lot_id", least(owed, amount - (upto - owed)) AS given FROM cand WHERE upto - owed < amount
  ), back AS (
    UPDATE "points_lots" l SET "remaining" = l."remaining" + g.given FROM give g WHERE l."id" = g."lot_id"
  )
  INSERT INTO "points_lot_moves" ("entry_id", "lot_id", "amount") SELECT entry_id, "lot_id", given FROM give;

  -- What a refund could not put back: a lot of its own.
  INSERT INTO "points_lots" ("store_id", "member_id", "entry_id", "earned_at", "expires_at", "amount", "remaining")
  SELECT r."store_id", r."member_id", r."id", r."created_at", r."expires_at", r."delta" - coalesce(b.given, 0), r."delta" - coalesce(b.given, 0)
  FROM new_entries r
  LEFT JOIN LATERAL (SELECT sum(mv."amount") AS given FROM "points_lot_moves" mv WHERE mv."entry_id" = r."id") b ON true
  WHERE r."delta" > 0 AND r."reverses_entry_id" IS NOT NULL AND r."delta" > coalesce(b.given, 0);

  -- Debits: FIFO over the lots that count at the entry's time.
  WITH d AS (
    SELECT * FROM new_entries WHERE "delta" < 0
  ), cand AS (
    -- LATERAL, per entry: each probes its member's open lots by points_lots_member_open_ix. (A plain join lets the
    -- planner, which has no statistics for the transition table, hash-join a seq scan of every open lot: the
    -- year-end job's chunks then cost O(all lots) each.)
    SELECT d."id" AS entry_id, l.lot_id, l."remaining", -d."delta" AS amount, l.upto
    FROM d
    CROSS JOIN LATERAL (
      SELECT x."id" AS lot_id, x."remaining",
        sum(x."remaining") OVER (
          ORDER BY (x."entry_id" = d."reverses_entry_id") DESC NULLS LAST, x."expires_at" ASC NULLS LAST, x."id"
          ROWS UNBOUNDED PRECEDING) AS upto
      FROM "points_lots" x
      WHERE x."member_id" = d."member_id" AND x."remaining" > 0
        AND CASE WHEN d."reason" = 'expire' THEN x."expires_at" <= d."created_at"
                 ELSE x."expires_at" IS NULL OR x."expires_at" > d."created_at" END
    ) l
  ), take AS (
    SELECT entry_id, lot_id, least("remaining", amount - (upto - "remaining")) AS taken FROM cand WHERE upto - "remaining" < amount
  ), spent AS (
    UPDATE "points_lots" l SET "remaining" = l."remaining" - t.taken FROM take t WHERE l."id" = t.lot_id
  )
  INSERT INTO "points_lot_moves" ("entry_id", "lot_id", "amount") SELECT entry_id, lot_id, -taken FROM take;

  -- LATERAL again: each entry's moves by the primary key, never a scan of every move ever made.
  SELECT d."id", d."member_id", -d."delta" AS wanted, coalesce(t.taken, 0) AS taken INTO short
  FROM new_entries d
  LEFT JOIN LATERAL (SELECT -sum(mv."amount") AS taken FROM "points_lot_moves" mv WHERE mv."entry_id" = d."id") t ON true
  WHERE d."delta" < 0 AND coalesce(t.taken, 0) <> -d."delta"
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'points lots: entry % of member % needs % points from its lots, found %', short."id", short."member_id", short.wanted, short.taken
      USING ERRCODE = 'check_violation', CONSTRAINT = 'points_lots_cover_debit';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER points_ledger_lots
  AFTER INSERT ON "points_ledger"
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION points_ledger_apply_lots();
