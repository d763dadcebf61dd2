# Included from client/attachments/Attachments.cmake: the block list and the user look-up
# (client/contacts/).
target_sources(parley_client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/BlockList.cpp ${CMAKE_CURRENT_LIST_DIR}/BlockList.h
    ${CMAKE_CURRENT_LIST_DIR}/UserLookup.cpp ${CMAKE_CURRENT_LIST_DIR}/UserLookup.h
)
