-- Sign-ups are counted per client address too, so registered e-mail addresses cannot be enumerated quickly; failed
-- sign-ins per (address, e-mail) pair, so one address cannot lock a user out for everyone.
ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_scope_check;
ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_scope_check CHECK (scope IN ('EMAIL', 'ADDRESS', 'PAIR', 'SIGNUP'));
