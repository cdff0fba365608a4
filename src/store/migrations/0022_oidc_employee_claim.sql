-- The name of the ID token's claim that holds the employee number, when
-- accounts are found by employee number: providers name it differently
-- (Entra ID an extension attribute or "employeeid", ADFS a URI, Keycloak
-- a mapper's name). Earlier providers keep "employee_id".
ALTER TABLE oidc_provider ADD COLUMN employee_claim TEXT NOT NULL DEFAULT 'employee_id'
	CHECK (length(employee_claim) BETWEEN 1 AND 200);
