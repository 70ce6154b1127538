ALTER TABLE "coach_reviews" ALTER COLUMN "plan" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "coach_reviews" ADD COLUMN "next_step_id" bigint;--> statement-breakpoint
ALTER TABLE "coach_reviews" ADD CONSTRAINT "coach_reviews_next_step_id_next_steps_id_fk" FOREIGN KEY ("next_step_id") REFERENCES "public"."next_steps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "next_steps" DROP COLUMN "value_detail";