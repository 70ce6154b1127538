CREATE TABLE "installations" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text,
	"enterprise_id" text,
	"is_enterprise_install" boolean DEFAULT false NOT NULL,
	"app_id" text,
	"bot_id" text,
	"bot_user_id" text,
	"bot_scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sealed_bot_token" text,
	"installer_user_id" text,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uninstalled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "installations" ADD CONSTRAINT "installations_team_id_workspaces_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;