# Included from client/attachments/Attachments.cmake: the block list, the user look-up and the
# privacy of "last seen" (client/contacts/).
target_sources(parley_client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/BlockList.cpp ${CMAKE_CURRENT_LIST_DIR}/BlockList.h
    ${CMAKE_CURRENT_LIST_DIR}/UserLookup.cpp ${CMAKE_CURRENT_LIST_DIR}/UserLookup.h
    ${CMAKE_CURRENT_LIST_DIR}/LastSeenPrivacy.cpp ${CMAKE_CURRENT_LIST_DIR}/LastSeenPrivacy.h
)
