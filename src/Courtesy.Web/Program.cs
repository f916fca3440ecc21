using Courtesy.Web;

var app = WebApp.Build(args);
await app.RunAsync();

public partial class Program;
