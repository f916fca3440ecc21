using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Courtesy.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "The request could not be completed. Nothing you had already saved has been lost.";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Not found", "There is nothing here, or it belongs to another school."),
            403 => ("Not allowed", "Your role does not give access to this page."),
            400 => ("Bad request", "The request was not understood. Please go back and check the form."),
            413 => ("Too large", "The upload is over the size limit. Send fewer or smaller files (screenshots of up to 10 MB each)."),
            429 => ("Too many requests", "Please wait a minute and try again."),
            _ => (Title, Explanation),
        };
    }
}
