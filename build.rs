//! Rebuild when the embedded content or assets change (include_dir! does not tell cargo by itself).

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=assets");
    println!("cargo:rerun-if-changed=build.rs");
}
