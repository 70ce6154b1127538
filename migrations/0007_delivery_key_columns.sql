ALTER TABLE "deliveries" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "next_step_id" bigint;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "reported_error" text;--> statement-breakpoint
-- Existing rows keep their claim: each key's parts are read from the key as it was spelled (kind:part:part)
-- before the old column goes, so no message already sent, claimed or given up can be sent again.
UPDATE "deliveries" SET "subject" = split_part("dedupe_key", ':', 2), "local_day" = split_part("dedupe_key", ':', 3)::date WHERE "kind" IN ('due_dm', 'digest');--> statement-breakpoint
UPDATE "deliveries" SET "next_step_id" = split_part("dedupe_key", ':', 2)::bigint, "due_at" = regexp_replace("dedupe_key", '^call_reminder:[^:]*:', '')::timestamptz WHERE "kind" = 'call_reminder';--> statement-breakpoint
UPDATE "deliveries" SET "subject" = split_part("dedupe_key", ':', 2), "reported_error" = regexp_replace("dedupe_key", '^failure_alert:[^:]*:', '') WHERE "kind" = 'failure_alert';--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_due_dm_key" ON "deliveries" USING btree ("workspace_id","subject","local_day") WHERE "deliveries"."kind" = 'due_dm';--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_call_reminder_key" ON "deliveries" USING btree ("workspace_id","next_step_id","due_at") WHERE "deliveries"."kind" = 'call_reminder';--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_digest_key" ON "deliveries" USING btree ("workspace_id","subject","local_day") WHERE "deliveries"."kind" = 'digest';--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_failure_alert_key" ON "deliveries" USING btree ("workspace_id","subject","reported_error") WHERE "deliveries"."kind" = 'failure_alert';--> statement-breakpoint
DROP INDEX "deliveries_dedupe_key";--> statement-breakpoint
ALTER TABLE "deliveries" DROP COLUMN "dedupe_key";--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_due_dm_key_parts" CHECK (not ("deliveries"."kind" = 'due_dm') or ("deliveries"."subject" is not null and "deliveries"."local_day" is not null));--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_call_reminder_key_parts" CHECK (not ("deliveries"."kind" = 'call_reminder') or ("deliveries"."next_step_id" is not null and "deliveries"."due_at" is not null));--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_digest_key_parts" CHECK (not ("deliveries"."kind" = 'digest') or ("deliveries"."subject" is not null and "deliveries"."local_day" is not null));--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_failure_alert_key_parts" CHECK (not ("deliveries"."kind" = 'failure_alert') or ("deliveries"."subject" is not null and "deliveries"."reported_error" is not null));