CREATE TABLE "send_budgets" (
	"workspace_id" text NOT NULL,
	"method" text NOT NULL,
	"next_slot_ms" double precision NOT NULL,
	CONSTRAINT "send_budgets_workspace_id_method_pk" PRIMARY KEY("workspace_id","method")
);
