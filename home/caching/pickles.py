"""What reading a pickled entry of another release raises.

Cache entries outlive a deploy: a class the previous release pickled may since have moved
or been renamed (a module renamed, a NamedTuple's fields changed). Unpickling it then raises
one of these, which the caches (cms/cache.py) and the route cache (routing) take as a miss.
"""

import pickle

UNREADABLE = (
    AttributeError,
    ImportError,
    TypeError,
    ValueError,
    EOFError,
    pickle.UnpicklingError,
)
