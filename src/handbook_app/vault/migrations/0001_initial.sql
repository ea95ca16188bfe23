-- Schema version 1: every record kind of DESIGN.md §2, the attachment store and the audit chain.
-- Never edit a migration that has shipped: add the next numbered file instead.

CREATE TABLE profile (
    "id" INTEGER PRIMARY KEY,
    "display_name" TEXT,
    "full_name" TEXT,
    "birth_date" TEXT,
    "home_province" TEXT,
    "languages" TEXT,
    "phone" TEXT,
    "notes" TEXT
);

CREATE TABLE contract (
    "id" INTEGER PRIMARY KEY,
    "employer" TEXT,
    "employer_address" TEXT,
    "supervising_org" TEXT,
    "sending_org" TEXT,
    "job_category" TEXT,
    "prefecture" INTEGER,
    "start" TEXT,
    "end" TEXT,
    "residence_status" TEXT,
    "stay_expiry" TEXT,
    "wage_kind" TEXT,
    "wage_minor" INTEGER NOT NULL,
    "wage_currency" TEXT NOT NULL,
    "hours_per_month" TEXT,
    "housing_minor" INTEGER NOT NULL,
    "housing_currency" TEXT NOT NULL,
    "utilities_minor" INTEGER NOT NULL,
    "utilities_currency" TEXT NOT NULL,
    "meals_minor" INTEGER NOT NULL,
    "meals_currency" TEXT NOT NULL,
    "other_deductions_minor" INTEGER NOT NULL,
    "other_deductions_currency" TEXT NOT NULL,
    "notes" TEXT
);

CREATE TABLE payslip (
    "id" INTEGER PRIMARY KEY,
    "month" TEXT,
    "contract_id" INTEGER,
    "regular_hours" TEXT,
    "overtime_hours" TEXT,
    "late_night_hours" TEXT,
    "holiday_hours" TEXT,
    "base_pay_minor" INTEGER NOT NULL,
    "base_pay_currency" TEXT NOT NULL,
    "overtime_pay_minor" INTEGER NOT NULL,
    "overtime_pay_currency" TEXT NOT NULL,
    "late_night_pay_minor" INTEGER NOT NULL,
    "late_night_pay_currency" TEXT NOT NULL,
    "holiday_pay_minor" INTEGER NOT NULL,
    "holiday_pay_currency" TEXT NOT NULL,
    "other_pay_minor" INTEGER NOT NULL,
    "other_pay_currency" TEXT NOT NULL,
    "gross_minor" INTEGER NOT NULL,
    "gross_currency" TEXT NOT NULL,
    "deductions" TEXT,
    "net_minor" INTEGER NOT NULL,
    "net_currency" TEXT NOT NULL,
    "paid_on" TEXT,
    "notes" TEXT
);

CREATE TABLE loan (
    "id" INTEGER PRIMARY KEY,
    "lender_kind" TEXT,
    "lender" TEXT,
    "purpose" TEXT,
    "principal_minor" INTEGER NOT NULL,
    "principal_currency" TEXT NOT NULL,
    "start" TEXT,
    "interest_model" TEXT,
    "monthly_rate" TEXT,
    "term_months" INTEGER,
    "schedule" TEXT,
    "guarantor" TEXT,
    "collateral" TEXT,
    "notes" TEXT
);

CREATE TABLE repayment (
    "id" INTEGER PRIMARY KEY,
    "loan_id" INTEGER,
    "date" TEXT,
    "paid_minor" INTEGER NOT NULL,
    "paid_currency" TEXT NOT NULL,
    "rate" TEXT,
    "remittance_id" INTEGER,
    "notes" TEXT
);

CREATE TABLE remittance (
    "id" INTEGER PRIMARY KEY,
    "date" TEXT,
    "sent_minor" INTEGER NOT NULL,
    "sent_currency" TEXT NOT NULL,
    "fee_minor" INTEGER NOT NULL,
    "fee_currency" TEXT NOT NULL,
    "received_minor" INTEGER NOT NULL,
    "received_currency" TEXT NOT NULL,
    "channel" TEXT,
    "provider" TEXT,
    "recipient" TEXT,
    "purpose" TEXT,
    "notes" TEXT
);

CREATE TABLE recruitment_fee (
    "id" INTEGER PRIMARY KEY,
    "date" TEXT,
    "item" TEXT,
    "amount_minor" INTEGER NOT NULL,
    "amount_currency" TEXT NOT NULL,
    "paid_to" TEXT,
    "receipt" INTEGER,
    "loan_id" INTEGER,
    "notes" TEXT
);

CREATE TABLE incident (
    "id" INTEGER PRIMARY KEY,
    "started" TEXT,
    "ended" TEXT,
    "place" TEXT,
    "category" TEXT,
    "title" TEXT,
    "people" TEXT,
    "witnesses" TEXT,
    "description" TEXT,
    "description_lang" TEXT,
    "translation" TEXT,
    "translation_lang" TEXT,
    "actions" TEXT,
    "outcome" TEXT,
    "status" TEXT,
    "contract_id" INTEGER,
    "loan_id" INTEGER,
    "payslip_month" TEXT
);

CREATE TABLE hours (
    "id" INTEGER PRIMARY KEY,
    "day" TEXT,
    "start" TEXT,
    "end" TEXT,
    "break_minutes" INTEGER,
    "holiday" INTEGER,
    "notes" TEXT
);

CREATE TABLE reminder (
    "id" INTEGER PRIMARY KEY,
    "kind" TEXT,
    "due" TEXT,
    "title" TEXT,
    "done" INTEGER
);

CREATE TABLE attachment (
    "id" INTEGER PRIMARY KEY,
    "owner_kind" TEXT,
    "owner_id" INTEGER,
    "name" TEXT,
    "media_type" TEXT,
    "size" INTEGER,
    "sha256" TEXT,
    "captured" TEXT,
    "notes" TEXT
);

CREATE TABLE attachment_chunk (
    "attachment_id" INTEGER NOT NULL REFERENCES attachment(id) ON DELETE CASCADE,
    "seq" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    PRIMARY KEY (attachment_id, seq)
) WITHOUT ROWID;

CREATE TABLE audit (
    "seq" INTEGER PRIMARY KEY,
    "at" TEXT NOT NULL,
    "utc_offset" TEXT NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "actor_org" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "row_id" INTEGER,
    "before" TEXT,
    "after" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

CREATE TABLE meta (
    "key" TEXT PRIMARY KEY,
    "value" TEXT NOT NULL
);

CREATE INDEX payslip_month ON payslip(month);
CREATE INDEX repayment_loan ON repayment(loan_id, date);
CREATE INDEX remittance_date ON remittance(date);
CREATE INDEX incident_started ON incident(started);
CREATE INDEX hours_day ON hours(day);
CREATE INDEX attachment_owner ON attachment(owner_kind, owner_id);
CREATE INDEX audit_row ON audit(kind, row_id);
