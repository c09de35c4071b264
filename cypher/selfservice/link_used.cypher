// Whether a link id has been used, so its page says so before anyone presses a button.
RETURN EXISTS { MATCH (:UsedLink {id: $id}) } AS used
