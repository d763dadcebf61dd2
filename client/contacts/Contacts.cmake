# Included from client/attachments/Attachments.cmake: the block list (client/contacts/).
target_sources(parley_client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/BlockList.cpp ${CMAKE_CURRENT_LIST_DIR}/BlockList.h
)
