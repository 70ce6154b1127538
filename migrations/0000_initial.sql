CREATE TABLE "coach_reviews" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coach_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"rep_id" bigint NOT NULL,
	"prospect_id" bigint,
	"verdict" text NOT NULL,
	"plan" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"recipient_id" text NOT NULL,
	"local_day" date,
	"status" text DEFAULT 'claimed' NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone,
	"message_ts" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "interactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"prospect_id" bigint NOT NULL,
	"rep_id" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text DEFAULT 'call' NOT NULL,
	"outcome" text NOT NULL,
	"summary" text,
	"material_sent" text,
	"material_reviewed" boolean,
	"touch_type" text DEFAULT 'value' NOT NULL,
	"source_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job" text NOT NULL,
	"instance_id" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"sent" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "next_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "next_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"prospect_id" bigint NOT NULL,
	"owner_id" bigint NOT NULL,
	"interaction_id" bigint,
	"due_at" timestamp with time zone NOT NULL,
	"agreed" boolean DEFAULT false NOT NULL,
	"value_reason" text,
	"value_detail" text,
	"plan" text NOT NULL,
	"coach_verdict" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"snooze_count" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"slack_user_id" text NOT NULL,
	"display_name" text,
	"role" text DEFAULT 'rep' NOT NULL,
	"manager_id" bigint,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"morning_dm_hour" smallint DEFAULT 8 NOT NULL,
	"morning_dm_minute" smallint DEFAULT 30 NOT NULL,
	"dm_channel_id" text,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prospects" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "prospects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"owner_id" bigint NOT NULL,
	"contact_name" text NOT NULL,
	"company" text DEFAULT '' NOT NULL,
	"name_key" text NOT NULL,
	"stage" text DEFAULT 'new' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"hot_button" text,
	"purchasing_process" text,
	"decision_maker" text,
	"budget" text,
	"paused_until" timestamp with time zone,
	"pause_reason" text,
	"revisit_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stakeholders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stakeholders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"prospect_id" bigint NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"title" text,
	"is_decision_maker" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_settings" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"manager_channel_id" text,
	"digest_hour" smallint DEFAULT 9 NOT NULL,
	"digest_minute" smallint DEFAULT 0 NOT NULL,
	"digest_weekdays" smallint[] DEFAULT '{1,2,3,4,5}'::smallint[] NOT NULL,
	"stale_after_days" smallint DEFAULT 14 NOT NULL,
	"gone_dark_after_unanswered" smallint DEFAULT 3 NOT NULL,
	"min_value_touch_percent" smallint DEFAULT 70 NOT NULL,
	"revisit_after_days" smallint DEFAULT 365 NOT NULL,
	"reminder_lead_minutes" smallint DEFAULT 15 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" text PRIMARY KEY NOT NULL,
	"enterprise_id" text,
	"name" text,
	"bot_user_id" text,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uninstalled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "coach_reviews" ADD CONSTRAINT "coach_reviews_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_reviews" ADD CONSTRAINT "coach_reviews_rep_id_people_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_reviews" ADD CONSTRAINT "coach_reviews_prospect_id_prospects_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_prospect_id_prospects_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_rep_id_people_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "next_steps" ADD CONSTRAINT "next_steps_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "next_steps" ADD CONSTRAINT "next_steps_prospect_id_prospects_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "next_steps" ADD CONSTRAINT "next_steps_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "next_steps" ADD CONSTRAINT "next_steps_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospects" ADD CONSTRAINT "prospects_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospects" ADD CONSTRAINT "prospects_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_prospect_id_prospects_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD CONSTRAINT "workspace_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coach_reviews_workspace_rep_time_idx" ON "coach_reviews" USING btree ("workspace_id","rep_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_dedupe_key" ON "deliveries" USING btree ("workspace_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "deliveries_status_idx" ON "deliveries" USING btree ("status","claimed_at");--> statement-breakpoint
CREATE INDEX "interactions_prospect_time_idx" ON "interactions" USING btree ("prospect_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_workspace_rep_time_idx" ON "interactions" USING btree ("workspace_id","rep_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_source_key" ON "interactions" USING btree ("workspace_id","source_key");--> statement-breakpoint
CREATE INDEX "job_runs_job_started_idx" ON "job_runs" USING btree ("job","started_at");--> statement-breakpoint
CREATE INDEX "next_steps_scheduled_due_idx" ON "next_steps" USING btree ("due_at","owner_id") WHERE "next_steps"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "next_steps_owner_due_idx" ON "next_steps" USING btree ("workspace_id","owner_id","due_at") WHERE "next_steps"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "next_steps_prospect_idx" ON "next_steps" USING btree ("prospect_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "people_workspace_slack_user_key" ON "people" USING btree ("workspace_id","slack_user_id");--> statement-breakpoint
CREATE INDEX "people_manager_idx" ON "people" USING btree ("manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prospects_owner_name_key" ON "prospects" USING btree ("workspace_id","owner_id","name_key");--> statement-breakpoint
CREATE INDEX "prospects_workspace_status_idx" ON "prospects" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "prospects_revisit_idx" ON "prospects" USING btree ("workspace_id","revisit_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stakeholders_prospect_name_key" ON "stakeholders" USING btree ("prospect_id","name_key");