//! The smallest typst [`World`] that renders one document: a fixed set of in-memory files, the
//! embedded fonts and a fixed date. Nothing is read from disk or the network while compiling;
//! a path the world does not hold is "not found", whatever the template asks for.

use std::collections::BTreeMap;
use std::path::PathBuf;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts;

/// In-memory world: `files` maps absolute virtual paths ("/minutes.typ", "/record.json") to bytes.
pub(crate) struct ExportWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: FileId,
    files: BTreeMap<String, Bytes>,
    sources: BTreeMap<String, Source>,
    today: Datetime,
}

/// The file id of an absolute virtual path.
pub(crate) fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl ExportWorld {
    /// A world whose main file is `main` (a key of `files`).
    pub(crate) fn new(
        main: &str,
        files: BTreeMap<String, Vec<u8>>,
        today: Datetime,
    ) -> Option<ExportWorld> {
        let fonts = fonts::typst_fonts();
        let book = FontBook::from_fonts(&fonts);
        let mut sources = BTreeMap::new();
        for (path, bytes) in &files {
            if path.ends_with(".typ") {
                let text = String::from_utf8(bytes.clone()).ok()?;
                sources.insert(path.clone(), Source::new(file_id(path)?, text));
            }
        }
        Some(ExportWorld {
            sources,
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            main: file_id(main)?,
            files: files.into_iter().map(|(k, v)| (k, Bytes::new(v))).collect(),
            today,
        })
    }

    fn lookup(&self, id: FileId) -> FileResult<&Bytes> {
        let rooted = id.get();
        let not_found = || FileError::NotFound(PathBuf::from(rooted.vpath().get_with_slash()));
        if !matches!(rooted.root(), VirtualRoot::Project) {
            return Err(not_found());
        }
        self.files
            .get(rooted.vpath().get_with_slash())
            .ok_or_else(not_found)
    }
}

impl World for ExportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.lookup(id)?;
        self.sources
            .get(id.get().vpath().get_with_slash())
            .cloned()
            .ok_or(FileError::NotSource)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.lookup(id).cloned()
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
