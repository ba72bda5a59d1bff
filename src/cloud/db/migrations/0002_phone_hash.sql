-- One active card per phone (per store). The phone is stored encrypted with a random IV, so equal phones have
-- different ciphertexts: the unique key is on a keyed hash of the number (HMAC-SHA256, key derived from the
-- data key; see src/cloud/app/personal-data.ts). This migration cannot backfill the hash for existing rows,
-- because the database never sees the key; the app does it (backfillPhoneHashes: openCard catches up a batch of
-- rows before it checks a phone, and `npm run store -- backfill-phone-hashes` does all of them at once).
ALTER TABLE "members" ADD COLUMN "phone_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "members_store_phone_hash_uq" ON "members" USING btree ("store_id","phone_hash") WHERE "members"."status" = 'active';--> statement-breakpoint
CREATE INDEX "members_phone_hash_missing_ix" ON "members" USING btree ("id") WHERE "members"."phone_hash" is null;