/**
 * The request's form, or a 400 when the body cannot be read as one (a broken multipart body,
 * a wrong content type): bad input is never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("Bad request", { status: 400 });
  }
}
