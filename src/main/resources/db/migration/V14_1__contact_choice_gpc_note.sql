-- issue 12 part C: a marketing consent that the opt-out preference signal (Sec-GPC: 1) conflicts with is noted on
-- the choice itself; the signal wins (docs/communications.md "The GPC signal")
alter table contact_choice add column gpc_note varchar(500);
