# -*- Python -*-
# The alloc-tidy suite.  One lit run per front end: --param frontend=plugin
# (clang-tidy-19 --load) or --param frontend=driver (the alloc-tidy driver).
import os
import lit.formats

config.name = "alloc-tidy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "fuzz"]
config.test_source_root = os.path.dirname(__file__)

frontend = lit_config.params.get("frontend", "plugin")
if frontend not in ("plugin", "driver"):
    lit_config.fatal("frontend must be 'plugin' or 'driver', not %r" % frontend)
config.name += " (%s)" % frontend
config.test_exec_root = os.path.join(config.alloc_tidy_build_dir, "test", frontend)
config.available_features.add("frontend-" + frontend)

inputs = os.path.join(config.test_source_root, "Inputs")
py = config.python_executable
runner = " ".join([
    py, os.path.join(config.test_source_root, "check_alloc_tidy.py"),
    "--frontend=" + frontend,
    "--clang-tidy=" + config.clang_tidy,
    "--plugin=" + config.alloc_tidy_plugin,
    "--driver=" + config.alloc_tidy_driver,
    "--filecheck=" + config.filecheck,
    "--inputs=" + inputs,
    "--include=" + os.path.join(config.alloc_tidy_source_dir, "include"),
])
if frontend == "plugin":
    tidy = "%s --load=%s" % (config.clang_tidy, config.alloc_tidy_plugin)
    # clang-tidy has no gate of its own: a driver-only flag is dropped.
    gate = ""
else:
    tidy = config.alloc_tidy_driver
    gate = "--fail-on=none"
hermetic = "-std=gnu11 -nostdinc -isystem %s -I %s -I %s" % (
    os.path.join(inputs, "system"), inputs,
    os.path.join(config.alloc_tidy_source_dir, "include"))

config.substitutions.append(("%check_alloc_tidy", runner))
# The front end itself, for tests that look at exit codes or whole outputs.
config.substitutions.append(("%alloc_tidy_frontend", tidy))
# bench/crash_check.py's option naming the driver, when it is the front end.
config.substitutions.append(("%driver_arg", "--driver=" + config.alloc_tidy_driver
                             if frontend == "driver" else ""))
# Where a test wants the front end's output and not its gate's exit status.
config.substitutions.append(("%no_gate", gate))
config.substitutions.append(("%hermetic_cflags", hermetic))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%alloc_tidy_plugin", config.alloc_tidy_plugin))
config.substitutions.append(("%alloc_tidy_driver", config.alloc_tidy_driver))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%python", py))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%clang_dir", config.clang_dir))
config.substitutions.append(("%alloc_tidy_version", config.alloc_tidy_version))
config.substitutions.append(("%llvm_major", config.llvm_major))
config.available_features.add("llvm-" + config.llvm_major)
config.substitutions.append(("%expect_exit", "%s %s" % (
    py, os.path.join(inputs, "expect_exit.py"))))
config.substitutions.append(("%validate_sarif", "%s %s" % (
    py, os.path.join(inputs, "sarif", "validate_sarif.py"))))
config.substitutions.append(("%check_github_sarif", "%s %s" % (
    py, os.path.join(inputs, "sarif", "check_github_sarif.py"))))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%rules_dir", os.path.join(config.alloc_tidy_source_dir, "rules")))
config.substitutions.append(("%src_root", config.alloc_tidy_source_dir))

# Pseudo-terminals, for the driver's progress display (absent in some
# chroots and containers).
try:
    _m, _s = os.openpty()
    os.close(_m)
    os.close(_s)
    config.available_features.add("pty")
except OSError:
    pass

# Editors for the recipes of docs/integrations/editors.md (test/editors/);
# their tests are unsupported where the editor is not installed.
import shutil
if shutil.which("nvim"):
    config.available_features.add("nvim")
if shutil.which("vim") and os.path.isdir("/usr/share/vim/vimfiles/pack/dist-bundle/opt/ale"):
    config.available_features.add("vim-ale")
_elpa = "/usr/share/emacs/site-lisp/elpa"
if shutil.which("emacs") and os.path.isdir(_elpa) and any(
        d.startswith("flycheck-") for d in os.listdir(_elpa)):
    config.available_features.add("emacs-flycheck")

bindir = os.path.join(config.alloc_tidy_build_dir, "bin")
if os.path.exists(os.path.join(bindir, "fuzz-rules")):
    config.available_features.add("fuzzers")
config.substitutions.append(("%bindir", bindir))
config.substitutions.append(("%fuzz_corpus", os.path.join(config.test_source_root, "fuzz")))
if config.alloc_tidy_driver and os.path.exists(config.alloc_tidy_driver):
    config.available_features.add("driver")
config.environment["HOME"] = os.environ.get("HOME", "/tmp")
# Debian's pre-commit, for the hook's end-to-end test.
import shutil
if shutil.which("pre-commit"):
    config.available_features.add("pre-commit")
# A sanitizer build (-DALLOC_TIDY_SANITIZE=ON): clang-tidy is not
# instrumented, so the plugin needs the runtime preloaded.  LLVM leaks on
# purpose at exit (it skips freeing the AST), so leak checking is off.
if getattr(config, "sanitizer_runtime", ""):
    config.environment["LD_PRELOAD"] = config.sanitizer_runtime
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=1"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    config.available_features.add("sanitizer")
# FileCheck, not and the other LLVM test tools come from the same LLVM.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.filecheck), os.environ.get("PATH", "")])
