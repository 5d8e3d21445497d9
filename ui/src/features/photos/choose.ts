// The file dialogs for adding photos: several files, or a whole folder.
import { open } from "@tauri-apps/plugin-dialog";

/** What the store accepts (the core sniffs the bytes; this only filters the dialog). */
const IMAGES = [
  {
    name: "Images",
    extensions: ["jpg", "jpeg", "jpe", "jfif", "png", "webp", "gif", "tif", "tiff"],
  },
];

/** Photo files the person picks; empty when they cancel. */
export async function choosePhotos(): Promise<string[]> {
  const picked = await open({ multiple: true, filters: IMAGES, title: "Add photos" });
  if (picked === null) return [];
  return Array.isArray(picked) ? picked : [picked];
}

/** A folder of photos (walked with its subfolders); empty when cancelled. */
export async function choosePhotoFolder(): Promise<string[]> {
  const picked = await open({ directory: true, title: "Add a folder of photos" });
  return typeof picked === "string" ? [picked] : [];
}
