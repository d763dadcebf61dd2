# Included from client/CMakeLists.txt: the attachment pieces of parley_client (client/attachments/)
# and the block list (client/contacts/), kept in their own file so their owner and the owner of
# the target's main source list do not edit the same lines.
#
# libsodium (already a dependency: the server's argon2id, the client key store's sealing):
# crypto_secretstream_xchacha20poly1305 encrypts attachments. Qt Concurrent runs that
# encryption off the GUI thread.
find_package(Qt6 REQUIRED COMPONENTS Concurrent)
target_sources(parley_client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AttachmentCipher.cpp ${CMAKE_CURRENT_LIST_DIR}/AttachmentCipher.h
    ${CMAKE_CURRENT_LIST_DIR}/AttachmentRef.cpp ${CMAKE_CURRENT_LIST_DIR}/AttachmentRef.h
    ${CMAKE_CURRENT_LIST_DIR}/AttachmentTransfer.cpp ${CMAKE_CURRENT_LIST_DIR}/AttachmentTransfer.h
    ${CMAKE_CURRENT_LIST_DIR}/Attachments.cpp ${CMAKE_CURRENT_LIST_DIR}/Attachments.h
    ${CMAKE_CURRENT_LIST_DIR}/WorkerFuture.h
)
target_link_libraries(parley_client PRIVATE PkgConfig::Sodium Qt6::Concurrent)
include(${CMAKE_CURRENT_LIST_DIR}/../contacts/Contacts.cmake OPTIONAL)
