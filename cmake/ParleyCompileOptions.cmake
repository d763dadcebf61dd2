# Warnings and sanitizers shared by every Parley target, through one interface library.
add_library(parley_compile_options INTERFACE)
add_library(Parley::CompileOptions ALIAS parley_compile_options)

target_compile_options(parley_compile_options INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual
    $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>
    $<$<BOOL:${PARLEY_WERROR}>:-Werror>)
target_compile_definitions(parley_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS QT_NO_FOREACH)

if(PARLEY_SANITIZE)
    target_compile_options(parley_compile_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(parley_compile_options INTERFACE -fsanitize=address,undefined)
endif()
