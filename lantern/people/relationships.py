"""The reciprocal of each relationship, so both people's records show it."""

from lantern.people.models import Relationship

K = Relationship.Kind

INVERSE = {
    K.MOTHER: K.CHILD,
    K.FATHER: K.CHILD,
    K.PARENT: K.CHILD,
    K.STEP_PARENT: K.STEP_CHILD,
    K.PARTNER_OF_PARENT: K.CHILD_OF_PARTNER,
    K.SIBLING: K.SIBLING,
    K.HALF_SIBLING: K.HALF_SIBLING,
    K.GRANDPARENT: K.GRANDCHILD,
    K.CARER: K.CARED_FOR,
    K.PARTNER: K.PARTNER,
    K.OTHER: K.OTHER,
}
# A child's relationship back to a parent depends on which parent; keep the specific word.
INVERSE.update(
    {
        K.CHILD: K.PARENT,
        K.STEP_CHILD: K.STEP_PARENT,
        K.CHILD_OF_PARTNER: K.PARTNER_OF_PARENT,
        K.GRANDCHILD: K.GRANDPARENT,
        K.CARED_FOR: K.CARER,
    }
)
