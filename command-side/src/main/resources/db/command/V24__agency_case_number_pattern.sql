-- An agency's own case-number pattern (AgencyCaseNumberPatternSet); null: the deployment's foi.case-numbers.pattern.
alter table agency_directory add column case_number_pattern text;
