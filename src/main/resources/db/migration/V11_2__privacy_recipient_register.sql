-- issue 11 (B): the recipient and transfer register, kept by privacy officers through the API: each processor,
-- contractor or recipient with its role, country, the data categories it receives, the legal basis, the transfer
-- safeguard (standard contractual clauses for the United States and India) and an organisational contact.
create table privacy_recipient_register (
    id                 varchar(36)   primary key,
    name               varchar(200)  not null,
    role               varchar(20)   not null,
    country            varchar(2)    not null,
    data_categories    varchar(1000) not null,
    legal_basis        varchar(500)  not null,
    transfer_safeguard varchar(500),
    contact_email      varchar(254)  not null,
    created_at         timestamp     not null,
    updated_at         timestamp     not null
);
