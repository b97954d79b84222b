# Installs the build into a scratch prefix and checks that the installed programs run from
# there, away from the source tree (the scenarios are embedded in the binaries).
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()

set(expected bin/waspsnest-cli share/man/man1/waspsnest-cli.1.gz)
if(GUI)
    list(APPEND expected bin/waspsnest bin/waspsnest-lab-shot share/man/man1/waspsnest.1.gz
         share/man/man1/waspsnest-lab-shot.1.gz share/applications/${APP_ID}.desktop
         share/metainfo/${APP_ID}.metainfo.xml share/icons/hicolor/scalable/apps/${APP_ID}.svg
         share/icons/hicolor/48x48/apps/${APP_ID}.png
         share/icons/hicolor/256x256/apps/${APP_ID}.png)
endif()
foreach(f ${expected})
    if(NOT EXISTS "${PREFIX}/${f}")
        message(FATAL_ERROR "not installed: ${f}")
    endif()
endforeach()

# Run from a directory with no scenarios in it, so only the embedded library can answer.
set(elsewhere "${PREFIX}/empty-cwd")
file(MAKE_DIRECTORY "${elsewhere}")
execute_process(COMMAND "${PREFIX}/bin/waspsnest-cli" run --scenario step-down --threads 4
                WORKING_DIRECTORY "${elsewhere}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"trace_sha256\"")
    message(FATAL_ERROR "installed waspsnest-cli run failed (${rc}): ${out}")
endif()
if(GUI)
    execute_process(COMMAND "${PREFIX}/bin/waspsnest" --screenshot "${PREFIX}/shot.png"
                            --at 1 --size 1280x720
                    WORKING_DIRECTORY "${elsewhere}" RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT EXISTS "${PREFIX}/shot.png")
        message(FATAL_ERROR "installed waspsnest --screenshot failed (${rc}): ${err}")
    endif()
endif()
