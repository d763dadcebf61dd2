# parley_add_test(NAME <name> LABEL <label> SOURCES <files...> LIBS <targets...>
#                 [TIMEOUT <seconds>] [ENVIRONMENT <VAR=value...>]
#                 [LAUNCHER <command...>])
# One Qt Test executable = one ctest. `ui` tests run on the offscreen platform (ENVIRONMENT
# may say otherwise); LAUNCHER runs the test through a command such as xvfb-run.
function(parley_add_test)
    cmake_parse_arguments(ARG "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBS;ENVIRONMENT;LAUNCHER" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    qt_add_executable(${ARG_NAME} ${ARG_SOURCES})
    set_target_properties(${ARG_NAME} PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test Parley::CompileOptions ${ARG_LIBS})
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_LAUNCHER} $<TARGET_FILE:${ARG_NAME}>)
    set(env QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software ${ARG_ENVIRONMENT})
    if(TARGET parleyd)
        list(APPEND env "PARLEYD_BINARY=$<TARGET_FILE:parleyd>")
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${ARG_LABEL}" TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "${env}")
endfunction()
