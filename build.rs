// The default theme is embedded with include_dir, which cannot tell cargo
// which files it read: rebuild when the theme changes.
fn main() {
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=static");
}
