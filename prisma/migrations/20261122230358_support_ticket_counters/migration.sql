-- CreateTable
CREATE TABLE "support_ticket_counters" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "support_ticket_counters_pkey" PRIMARY KEY ("year")
);

-- Continue the numbering of the tickets already created.
INSERT INTO "support_ticket_counters" ("year", "last")
SELECT substring("number" from 3 for 4)::int, max(substring("number" from 8)::int)
FROM "support_tickets" WHERE "number" ~ '^A-[0-9]{4}-[0-9]+$' GROUP BY 1;
