# cmake -DPROJECT=<…/.lupdate/<target>_project.cmake> -DGENERATOR=<GenerateLUpdateProject.cmake>
#       -DLUPDATE=<lupdate> -DOPTIONS="<lupdate options>" -DWORK_DIR=<folder>
#       -P CheckTranslations.cmake
#
# The `translations_complete` test: fails when a .ts file has an entry without a translation,
# or when lupdate finds strings in the sources that the .ts files lack (or no longer use), so
# that no string lands untranslated. lupdate runs exactly as the update_translations target
# does (the same project: sources, include paths, options), but on copies of the .ts files.
foreach(var PROJECT GENERATOR LUPDATE WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "CheckTranslations.cmake: ${var} is not set")
    endif()
endforeach()
separate_arguments(options UNIX_COMMAND "${OPTIONS}")

include("${PROJECT}") # lupdate_project_file, lupdate_sources, lupdate_include_paths, lupdate_translations
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(failed FALSE)
set(copies "")
foreach(ts IN LISTS lupdate_translations)
    get_filename_component(name "${ts}" NAME)
    file(STRINGS "${ts}" unfinished REGEX "type=\"(unfinished|vanished|obsolete)\"")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        message(SEND_ERROR "${name}: ${count} entries are unfinished or obsolete: translate them "
            "and drop their type=\"…\" attribute")
        set(failed TRUE)
    endif()
    file(COPY_FILE "${ts}" "${WORK_DIR}/${name}")
    list(APPEND copies "${WORK_DIR}/${name}")
endforeach()

file(WRITE "${WORK_DIR}/project.cmake"
    "set(lupdate_project_file \"${lupdate_project_file}\")\n"
    "set(lupdate_include_paths \"${lupdate_include_paths}\")\n"
    "set(lupdate_sources \"${lupdate_sources}\")\n"
    "set(lupdate_translations \"${copies}\")\n")
execute_process(
    COMMAND "${CMAKE_COMMAND}" "-DIN_FILE=${WORK_DIR}/project.cmake"
        "-DOUT_FILE=${WORK_DIR}/project.json" -P "${GENERATOR}"
    COMMAND_ERROR_IS_FATAL ANY)
execute_process(
    COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" ${options}
    RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed:\n${output}")
endif()

foreach(ts IN LISTS lupdate_translations)
    get_filename_component(name "${ts}" NAME)
    file(READ "${ts}" before)
    file(READ "${WORK_DIR}/${name}" after)
    if(NOT before STREQUAL after)
        execute_process(COMMAND diff -u "${ts}" "${WORK_DIR}/${name}" OUTPUT_VARIABLE difference)
        message(NOTICE "What lupdate changes in ${name}:\n${difference}")
        message(SEND_ERROR "${name} does not match the sources: build the update_translations "
            "target, then translate the new entries (docs/translating.md)")
        set(failed TRUE)
    endif()
endforeach()

if(failed)
    message(FATAL_ERROR "translations are incomplete (docs/translating.md)")
endif()
message(STATUS "every string is translated in ${lupdate_translations}")
