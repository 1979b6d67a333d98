# etkg_npm_ci(DIR WHAT): runs `npm ci` in DIR at configure time when its
# node_modules is missing or older than package-lock.json. Without npm, or
# when npm ci fails, it says so and the build goes on without WHAT.
function(etkg_npm_ci dir what)  # Further arguments go to npm ci.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    ${dir}/package.json ${dir}/package-lock.json)
  find_program(ETKG_NPM npm)
  set(stamp ${dir}/node_modules/.package-lock.json)
  if(ETKG_NPM AND (NOT EXISTS ${stamp} OR ${dir}/package-lock.json IS_NEWER_THAN ${stamp}))
    message(STATUS "etkg: npm ci in ${dir} (${what})")
    execute_process(
      COMMAND ${ETKG_NPM} ci --no-audit --no-fund ${ARGN}
      WORKING_DIRECTORY ${dir}
      RESULT_VARIABLE npm_result
      OUTPUT_QUIET
      ERROR_VARIABLE npm_error
      TIMEOUT 600)
    if(NOT npm_result EQUAL 0)
      message(WARNING "etkg: npm ci in ${dir} failed (${npm_result}): ${npm_error}")
    endif()
  elseif(NOT ETKG_NPM)
    message(STATUS "etkg: npm not found: no ${what}")
  endif()
endfunction()
