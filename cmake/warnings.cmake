# Project-wide compile settings as interface targets (nothing set globally).
add_library(giatlas_warnings INTERFACE)
add_library(giatlas::warnings ALIAS giatlas_warnings)
target_compile_options(giatlas_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
target_compile_features(giatlas_warnings INTERFACE cxx_std_20)
if(GIATLAS_SANITIZE)
  target_compile_options(giatlas_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(giatlas_warnings INTERFACE -fsanitize=address,undefined)
endif()
