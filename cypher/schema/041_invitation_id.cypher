// Invitations (a named contact who has not yet consented) are found by the id their link carries.
CREATE CONSTRAINT invitation_id IF NOT EXISTS FOR (i:Invitation) REQUIRE i.id IS UNIQUE
