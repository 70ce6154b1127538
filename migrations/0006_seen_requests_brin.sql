DROP INDEX "seen_requests_seen_at_idx";--> statement-breakpoint
CREATE INDEX "seen_requests_seen_at_idx" ON "seen_requests" USING brin ("seen_at");