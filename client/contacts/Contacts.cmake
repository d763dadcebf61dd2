# Included from client/attachments/Attachments.cmake: the block list, the user look-up, the
# privacy of "last seen" and profiles (display names and pictures, client/contacts/).
target_sources(parley_client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/BlockList.cpp ${CMAKE_CURRENT_LIST_DIR}/BlockList.h
    ${CMAKE_CURRENT_LIST_DIR}/ProfileSharing.cpp ${CMAKE_CURRENT_LIST_DIR}/ProfileSharing.h
    ${CMAKE_CURRENT_LIST_DIR}/Profiles.cpp ${CMAKE_CURRENT_LIST_DIR}/Profiles.h
    ${CMAKE_CURRENT_LIST_DIR}/UserLookup.cpp ${CMAKE_CURRENT_LIST_DIR}/UserLookup.h
    ${CMAKE_CURRENT_LIST_DIR}/LastSeenPrivacy.cpp ${CMAKE_CURRENT_LIST_DIR}/LastSeenPrivacy.h
)
