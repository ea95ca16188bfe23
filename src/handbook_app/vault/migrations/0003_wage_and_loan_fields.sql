-- Schema version 3 (issue 11): what a wage claim needs and a loan's agreed instalment.
-- contract: the basis of the average scheduled hours (hours a day x days a year / 12), an industry-specific
-- minimum wage and a minimum wage the user typed with where it was seen. payslip: a combined late-night
-- overtime line and allowance lines by kind. loan: the agreed monthly instalment.
-- Defaults equal the record types' defaults, so rows written before this version verify unchanged.
ALTER TABLE contract ADD COLUMN "hours_per_day" TEXT DEFAULT '0';
ALTER TABLE contract ADD COLUMN "days_per_year" TEXT DEFAULT '0';
ALTER TABLE contract ADD COLUMN "industry_minimum_minor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contract ADD COLUMN "industry_minimum_currency" TEXT NOT NULL DEFAULT 'JPY';
ALTER TABLE contract ADD COLUMN "industry_minimum_name" TEXT DEFAULT '';
ALTER TABLE contract ADD COLUMN "industry_minimum_from" TEXT;
ALTER TABLE contract ADD COLUMN "typed_minimum_minor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contract ADD COLUMN "typed_minimum_currency" TEXT NOT NULL DEFAULT 'JPY';
ALTER TABLE contract ADD COLUMN "typed_minimum_from" TEXT;
ALTER TABLE contract ADD COLUMN "typed_minimum_seen" TEXT DEFAULT '';
ALTER TABLE payslip ADD COLUMN "night_overtime_hours" TEXT DEFAULT '0';
ALTER TABLE payslip ADD COLUMN "night_overtime_pay_minor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payslip ADD COLUMN "night_overtime_pay_currency" TEXT NOT NULL DEFAULT 'JPY';
ALTER TABLE payslip ADD COLUMN "allowances" TEXT DEFAULT '{}';
ALTER TABLE loan ADD COLUMN "instalment_minor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE loan ADD COLUMN "instalment_currency" TEXT NOT NULL DEFAULT 'VND';
