//! A drag source for the end-to-end tests: a small X11 window that offers
//! the files named on its command line as a `text/uri-list`, the way a file
//! manager does. The test presses, moves and releases the real pointer
//! (xdotool, through XTEST) from this window onto the app, so the drop
//! reaches the app through the same XDND path as one from a file manager.
//!
//! usage: drag-source X Y FILE...
//!
//! Prints `ready X Y W H` (its window on the screen) once it is shown, then
//! `dropped` when a drop target took the files, or `failed …` when none did,
//! and exits. Gives up after a minute.

#[cfg(target_os = "linux")]
fn main() -> std::process::ExitCode {
    linux::main()
}

#[cfg(not(target_os = "linux"))]
fn main() -> std::process::ExitCode {
    eprintln!("drag-source: the end-to-end drops run on Linux/X11 only");
    std::process::ExitCode::FAILURE
}

#[cfg(target_os = "linux")]
mod linux {
    use std::cell::Cell;
    use std::path::Path;
    use std::process::ExitCode;
    use std::rc::Rc;
    use std::time::Duration;

    use gtk::gdk::{DragAction, ModifierType};
    use gtk::glib::{self, Propagation};
    use gtk::prelude::*;

    const USAGE: &str = "usage: drag-source X Y FILE...";
    /// Side of the square window, in pixels.
    const SIDE: i32 = 80;

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let (Some(x), Some(y)) = (
            args.first().and_then(|a| a.parse::<i32>().ok()),
            args.get(1).and_then(|a| a.parse::<i32>().ok()),
        ) else {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        };
        let mut uris = Vec::new();
        for file in &args[2..] {
            match Path::new(file)
                .canonicalize()
                .map_err(|e| e.to_string())
                .and_then(|p| glib::filename_to_uri(p, None).map_err(|e| e.to_string()))
            {
                Ok(uri) => uris.push(uri.to_string()),
                Err(e) => {
                    eprintln!("drag-source: {file}: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        if uris.is_empty() {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
        if let Err(e) = gtk::init() {
            eprintln!("drag-source: cannot start GTK: {e}");
            return ExitCode::FAILURE;
        }

        let ok = Rc::new(Cell::new(false));
        let window = gtk::Window::new(gtk::WindowType::Toplevel);
        window.set_title("trove-e2e drag source");
        window.set_default_size(SIDE, SIDE);
        window.set_resizable(false);
        window.move_(x, y);
        let area = gtk::EventBox::new();
        area.add(&gtk::Label::new(Some("files")));
        window.add(&area);

        area.drag_source_set(ModifierType::BUTTON1_MASK, &[], DragAction::COPY);
        area.drag_source_add_uri_targets();
        area.connect_drag_data_get(move |_, _, data, _, _| {
            let uris: Vec<&str> = uris.iter().map(String::as_str).collect();
            data.set_uris(&uris);
        });
        area.connect_drag_failed(|_, _, result| {
            println!("failed {result:?}");
            Propagation::Stop
        });
        {
            let ok = Rc::clone(&ok);
            area.connect_drag_end(move |_, context| {
                // drag-failed has said so already when nothing took the files.
                if context.drag_drop_succeeded() {
                    println!("dropped");
                    ok.set(true);
                }
                gtk::main_quit();
            });
        }
        window.connect_map_event(|w, _| {
            // Once mapped, where it really is (a window manager may move it).
            let w = w.clone();
            glib::idle_add_local_once(move || {
                let (_, x, y) = w.window().map_or((0, 0, 0), |g| g.origin());
                let (width, height) = w.size();
                println!("ready {x} {y} {width} {height}");
            });
            Propagation::Proceed
        });
        window.connect_delete_event(|_, _| {
            gtk::main_quit();
            Propagation::Proceed
        });
        glib::timeout_add_local_once(Duration::from_secs(60), || {
            println!("failed timeout");
            gtk::main_quit();
        });
        window.show_all();
        gtk::main();
        if ok.get() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}
